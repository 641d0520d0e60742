import type { Ack, AckError } from '@chat/contracts';
import { Logger } from '@nestjs/common';
import type { ZodType } from 'zod';
import { AppError } from '../../common/errors/app-error.js';
import { isInternal, reportInternal } from '../../common/errors/internal-error.js';
import { validationError } from '../../common/errors/zod-details.js';
import type { ChatSocket } from './socket-types.js';

const logger = new Logger('Socket');

/** The one place socket failures become `{ok:false, error:{code, message}}`. */
export function toAckError(error: unknown): AckError {
  if (error instanceof AppError && !isInternal(error)) {
    return {
      code: error.code,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
    };
  }
  const { errorId, message } = reportInternal(logger, error, 'Unhandled socket error');
  return { code: 'INTERNAL', message, errorId };
}

/** The client events the gateway handles (the same on every socket). */
const boundEvents = new Set<string>();

type AnySocket = {
  on(event: string, listener: (...args: unknown[]) => void): void;
  onAny(listener: (event: unknown, ...args: unknown[]) => void): void;
};

/**
 * Binds a client event: the payload is checked against its contract schema, the handler runs,
 * and the acknowledgement always answers, whatever the client sent. A client that gave no
 * callback gets no answer, and nothing breaks. (Every string in the socket schemas is an id or
 * `storedText`, so the schema alone refuses NUL and unpaired surrogates.)
 */
export function onEvent<P, R>(
  socket: ChatSocket,
  event: string,
  schema: ZodType<P>,
  handler: (payload: P) => Promise<R>,
): void {
  boundEvents.add(event);
  (socket as unknown as AnySocket).on(event, (...args: unknown[]) => {
    const reply = (response: Ack<R>) => ackOf(args)?.(response);
    // `emit(event, callback)` with no payload puts the callback first.
    const payload = typeof args[0] === 'function' ? undefined : args[0];
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const { code, message } = validationError(parsed.error, 'payload');
      return reply({ ok: false, error: { code, message } });
    }
    handler(parsed.data).then(
      (data) => reply({ ok: true, data }),
      (error: unknown) => reply({ ok: false, error: toAckError(error) }),
    );
  });
}

function ackOf(args: unknown[]): ((response: Ack<unknown>) => void) | undefined {
  return args.findLast((arg) => typeof arg === 'function') as
    ((response: Ack<unknown>) => void) | undefined;
}

/**
 * Answers, with NOT_FOUND, any event no handler is bound to, so no client event goes
 * unanswered. Call once per socket, after its handlers are bound.
 */
export function answerUnknownEvents(socket: ChatSocket): void {
  // onAny sees every incoming event (also "error", which Socket.IO itself swallows).
  (socket as unknown as AnySocket).onAny((event: unknown, ...args: unknown[]) => {
    if (typeof event === 'string' && boundEvents.has(event)) return;
    const name = JSON.stringify(String(event)).slice(0, 64);
    ackOf(args)?.({ ok: false, error: { code: 'NOT_FOUND', message: `Unknown event ${name}` } });
  });
}
