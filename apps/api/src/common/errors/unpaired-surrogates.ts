import { UNPAIRED_SURROGATE } from '@chat/contracts';
import { AppError } from './app-error.js';
const MAX_DEPTH = 16;

/**
 * Text that is not well-formed UTF-16 (an unpaired surrogate, as `"\ud800"` in JSON allows)
 * cannot be stored as UTF-8: PostgreSQL would keep U+FFFD instead and the client would be told
 * its exact text was saved. Such input is refused as VALIDATION, at the edge, wherever it is.
 * Checks a parsed payload (schemas keep it shallow; deeper levels are not walked).
 */
export function unpairedSurrogateError(value: unknown, where: string): AppError | null {
  const path = findUnpaired(value, [], 0);
  if (!path) return null;
  const field = path.join('.') || '(root)';
  const message = 'must be well-formed Unicode text (no unpaired surrogate)';
  return new AppError('VALIDATION', `Invalid ${where}: ${field}: ${message}`, [
    { path: field, message },
  ]);
}

function findUnpaired(value: unknown, path: string[], depth: number): string[] | null {
  if (typeof value === 'string') return UNPAIRED_SURROGATE.test(value) ? path : null;
  if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH) return null;
  for (const [key, item] of Object.entries(value)) {
    const found = findUnpaired(item, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}
