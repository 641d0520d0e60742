import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import type { ZodType } from 'zod';
import { unpairedSurrogateError } from '../errors/unpaired-surrogates.js';
import { validationError } from '../errors/zod-details.js';

/**
 * Checks a body, query or params object against a schema from libs/contracts and returns the
 * parsed value (trimmed, defaults applied). Failure is a 400 VALIDATION with field details, and
 * so is text with an unpaired surrogate, which could not be stored as sent.
 */
@Injectable()
export class ZodValidationPipe<T> implements PipeTransform<unknown, T> {
  constructor(private readonly schema: ZodType<T>) {}

  transform(value: unknown, metadata: ArgumentMetadata): T {
    const result = this.schema.safeParse(value ?? (metadata.type === 'body' ? undefined : {}));
    if (!result.success) throw validationError(result.error, metadata.type);
    const unpaired = unpairedSurrogateError(result.data, metadata.type);
    if (unpaired) throw unpaired;
    return result.data;
  }
}

export const Valid = <T>(schema: ZodType<T>) => new ZodValidationPipe(schema);
