import type { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppError } from './app-error.js';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from './database-unavailable.js';

/** An INTERNAL answer: what the client is told, under the id the failure was logged with. */
export interface InternalFailure {
  errorId: string;
  message: string;
  /** The database could not be reached (REST answers 503 then, not 500). */
  databaseUnavailable: boolean;
}

/**
 * The one place an INTERNAL answer is made: the failure is logged once, with a fresh error id
 * that the answer carries too (in `errorId` and in the message), so a user's report can be
 * matched to its log line. `what` names the failure in the log; `userMessage` is what the
 * client reads (without internals).
 */
export function reportInternal(
  logger: Logger,
  error: unknown,
  what: string,
  userMessage = 'Something went wrong',
): InternalFailure {
  const errorId = randomUUID();
  if (isDatabaseUnavailable(error)) {
    logger.warn({ err: error, errorId }, 'Database unavailable');
    return {
      errorId,
      message: `${DATABASE_UNAVAILABLE_MESSAGE} (error id ${errorId})`,
      databaseUnavailable: true,
    };
  }
  logger.error({ err: error, errorId }, what);
  // An AppError that says INTERNAL itself may word its message for the user.
  const message = error instanceof AppError ? error.message : userMessage;
  return { errorId, message: `${message} (error id ${errorId})`, databaseUnavailable: false };
}

/** True for failures that are the server's, not the caller's: answered as INTERNAL. */
export function isInternal(error: unknown): boolean {
  return !(error instanceof AppError) || error.code === 'INTERNAL';
}
