import { z } from 'zod';

/** Stable error codes: REST bodies and socket acks carry one of these. */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHORIZED',
  'TOKEN_EXPIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'SLUG_TAKEN',
  'INVALID_CREDENTIALS',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL',
] as const;

export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** One failed field: `path` is dotted (`body`, `items.0.name`). */
export const fieldErrorSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** With RATE_LIMITED: how long until the call would be accepted. */
export const retryDetailsSchema = z.object({ retryAfterMs: z.number().int().nonnegative() });
export type RetryDetails = z.infer<typeof retryDetailsSchema>;

/** VALIDATION (and a few conflicts) name the failed fields; RATE_LIMITED says when to retry. */
export const errorDetailsSchema = z.union([z.array(fieldErrorSchema), retryDetailsSchema]);
export type ErrorDetails = z.infer<typeof errorDetailsSchema>;

/** The body of every REST error response. */
export const apiErrorSchema = z.object({
  statusCode: z.number().int(),
  code: errorCodeSchema,
  message: z.string(),
  details: errorDetailsSchema.optional(),
  /** With INTERNAL only: the id the server logged the failure under (quote it to support). */
  errorId: z.string().optional(),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;
