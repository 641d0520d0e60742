/** Node's socket errors when the database server cannot be reached or went away. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** SQLSTATEs of a server that is shutting down, starting up or out of connections. */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** What pg says when a connection dies under a query or cannot be made in time. */
const DROPPED =
  /connection terminated|connection timeout|timeout exceeded when trying to connect|client has encountered a connection error|cannot use a pool after calling end/i;

export const DATABASE_UNAVAILABLE_MESSAGE =
  'The database is unavailable right now; nothing was saved. Try again shortly.';

/**
 * True when an error means "the database cannot be reached" rather than "this query is wrong":
 * the caller should be told to retry (REST 503, socket INTERNAL with a clear message), not shown
 * a bare 500. Looks through TypeORM's `driverError` and `cause` (a few levels at most).
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const { code, message, driverError, cause } = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
  };
  if (
    typeof code === 'string' &&
    (NETWORK_CODES.has(code) || UNAVAILABLE_STATES.has(code) || code.startsWith('08'))
  ) {
    return true;
  }
  if (typeof message === 'string' && DROPPED.test(message)) return true;
  return isDatabaseUnavailable(driverError, depth + 1) || isDatabaseUnavailable(cause, depth + 1);
}
