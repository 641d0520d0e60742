import { z } from 'zod';

const indicatorSchema = z.record(z.string(), z.object({ status: z.enum(['up', 'down']) }).loose());

/** `GET /api/health` (the terminus shape). 200 when every check is up, 503 otherwise. */
export const healthSchema = z.object({
  status: z.enum(['ok', 'error', 'shutting_down']),
  info: indicatorSchema.optional(),
  error: indicatorSchema.optional(),
  details: indicatorSchema,
});
export type Health = z.infer<typeof healthSchema>;
