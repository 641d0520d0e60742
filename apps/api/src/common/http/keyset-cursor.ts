import { AppError } from '../errors/app-error.js';

/** Opaque page cursors: the sort key of a page's last row, as base64url JSON. */
export function encodeKeysetCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * Reads a cursor back; `parse` checks the key's shape and returns null for one this API would
 * not have made. Anything else is a VALIDATION error on `cursor`.
 */
export function decodeKeysetCursor<T>(value: string, parse: (key: unknown[]) => T | null): T {
  try {
    const key: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    const parsed = Array.isArray(key) ? parse(key) : null;
    if (parsed !== null) return parsed;
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION', 'Invalid cursor', [
    { path: 'cursor', message: 'not a cursor from this API' },
  ]);
}

const UUID = /^[0-9a-f-]{36}$/i;

export const isUuid = (value: unknown): value is string =>
  typeof value === 'string' && UUID.test(value);

/** Sort keys come from the database, which cannot hold NUL: a key with one was made up. */
export const isStoredString = (value: unknown): value is string =>
  typeof value === 'string' && !value.includes('\u0000');
