import type { FieldError } from '@chat/contracts';
import type { ZodError } from 'zod';
import { AppError } from './app-error.js';

export function fieldErrors(error: ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

export function validationError(error: ZodError, where: string): AppError {
  const details = fieldErrors(error);
  const first = details[0];
  const summary = first ? `${first.path}: ${first.message}` : 'invalid input';
  return new AppError('VALIDATION', `Invalid ${where}: ${summary}`, details);
}
