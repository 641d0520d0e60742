import type { Ack, AckError } from '@chat/contracts';
import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { ZodType } from 'zod';
import { AppError } from '../../common/errors/app-error.js';
import { validationError } from '../../common/errors/zod-details.js';
import type { ChatSocket } from './socket-types.js';

const logger = new Logger('Socket');

/** The one place socket failures become `{ok:false, error:{code, message}}`. */
export function toAckError(error: unknown): AckError {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  const errorId = randomUUID();
  logger.error({ err: error, errorId }, 'Unhandled socket error');
  return { code: 'INTERNAL', message: `Something went wrong (error id ${errorId})` };
}

/**
 * Binds a client event: the payload is checked against its contract schema, the handler runs,
 * and the acknowledgement always answers, whatever the client sent. A client that gave no
 * callback gets no answer, and nothing breaks.
 */
export function onEvent<P, R>(
  socket: ChatSocket,
  event: string,
  schema: ZodType<P>,
  handler: (payload: P) => Promise<R>,
): void {
  (socket as unknown as { on(event: string, listener: (...args: unknown[]) => void): void }).on(
    event,
    (...args: unknown[]) => {
      // `emit(event, callback)` with no payload puts the callback first.
      const ack = args.findLast((arg) => typeof arg === 'function') as ((response: Ack<R>) => void) | undefined;
      const payload = typeof args[0] === 'function' ? undefined : args[0];
      const reply = (response: Ack<R>) => ack?.(response);
      const parsed = schema.safeParse(payload);
      if (!parsed.success) {
        const { code, message } = validationError(parsed.error, 'payload');
        return reply({ ok: false, error: { code, message } });
      }
      handler(parsed.data).then(
        (data) => reply({ ok: true, data }),
        (error: unknown) => reply({ ok: false, error: toAckError(error) }),
      );
    },
  );
}
