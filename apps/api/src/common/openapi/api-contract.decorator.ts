import { applyDecorators, HttpCode } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { apiErrorSchema } from '@chat/contracts';
import { z, type ZodObject, type ZodType } from 'zod';

type JsonSchema = Record<string, unknown>;

const toOpenApi = (schema: ZodType, io: 'input' | 'output'): JsonSchema =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as JsonSchema;

const errorSchema = toOpenApi(apiErrorSchema, 'output');

interface ContractOptions {
  summary: string;
  body?: ZodType;
  query?: ZodObject;
  /** The success response; omitted for 204. */
  response?: ZodType;
  status?: number;
  /** Error statuses this endpoint may answer with, besides 400 for bad input. */
  errors?: number[];
}

/**
 * Documents an endpoint in OpenAPI from the same zod schemas that validate it, so the docs at
 * /api/docs cannot drift from the contract.
 */
export function ApiContract(options: ContractOptions): MethodDecorator {
  const status = options.status ?? (options.response ? 200 : 204);
  const decorators = [
    ApiOperation({ summary: options.summary }),
    HttpCode(status),
    ApiResponse({
      status,
      description: options.response ? 'Success' : 'No content',
      ...(options.response ? { schema: toOpenApi(options.response, 'output') } : {}),
    }),
    ...[400, ...(options.errors ?? [])].map((errorStatus) =>
      ApiResponse({ status: errorStatus, description: 'Error', schema: errorSchema }),
    ),
  ];
  if (options.body) decorators.push(ApiBody({ schema: toOpenApi(options.body, 'input') }));
  if (options.query) {
    for (const [name, field] of Object.entries(options.query.shape)) {
      const schema = toOpenApi(field as ZodType, 'input');
      decorators.push(ApiQuery({ name, required: false, schema }));
    }
  }
  return applyDecorators(...decorators);
}
