/** Messages between the bench's main process and its client workers. */
export type ToWorker =
  | {
      type: 'connect';
      url: string;
      tokens: Array<string | null>;
      conversationId: string | null;
      concurrency: number;
    }
  | {
      /** All sockets at once; each retries a refused handshake after 1–3 s and watches. */
      type: 'storm';
      urls: string[];
      tokens: Array<string | null>;
      /** The ids each socket watches (by index: socket i watches `watches[i]`). */
      watches: string[][];
      /** The API sends `session` when a socket is ready; the bare server does not. */
      readyEvent: 'session' | 'connect';
      deadlineMs: number;
    }
  | { type: 'frames' }
  | { type: 'reset' }
  | { type: 'report' }
  | {
      type: 'send';
      conversationIds: string[];
      /** Messages per second per sender socket; null sends flat out within `window`. */
      ratePerSender: number | null;
      durationMs: number;
      window: number;
      /** How many of this worker's sockets send (the first ones). */
      senders: number;
    }
  | {
      /**
       * `count` operations from this worker's first socket, `window` lanes in flight, each lane
       * in order: message sends, or reaction toggles (see `reactionOp`) on `messageIds`.
       */
      type: 'ops';
      op: 'send' | 'react';
      conversationId: string;
      messageIds: string[];
      count: number;
      window: number;
    }
  | { type: 'close' };

export type FromWorker =
  | { type: 'connected'; connected: number; failed: number; ms: number }
  | {
      type: 'stormed';
      connected: number;
      /** Handshakes refused (connect_error), by code, retries included. */
      refused: Record<string, number>;
      /** Sockets that never connected before the deadline. */
      failed: number;
      /** When the last socket was ready (ms since epoch). */
      lastReadyAt: number;
    }
  | { type: 'frames'; perSocket: number[] }
  | {
      type: 'report';
      received: number;
      /** `message:updated` frames received. */
      updated: number;
      latency: Array<[number, number]>;
    }
  | {
      type: 'sent';
      sent: number;
      acked: number;
      failed: number;
      ackLatency: Array<[number, number]>;
      errors: string[];
    }
  | {
      type: 'opsDone';
      acked: number;
      failed: number;
      ackLatency: Array<[number, number]>;
      errors: string[];
    }
  | { type: 'error'; message: string };

/** Distinct single-grapheme emoji (no variation selectors) for the reaction toggles. */
export const BENCH_EMOJI = ['👍', '😂', '🎉', '🙏', '🔥', '👀', '🚀', '💯'];

/**
 * The `i`-th reaction toggle of lane `lane` of `lanes`: pairs of add then remove of one emoji,
 * each pair on the next message of the lane and the next emoji. With `messageIds.length` a
 * multiple of `lanes`, no two lanes touch the same message, and a lane runs its ops in order,
 * so every toggle is a real change (a new rev).
 */
export function reactionOp(messageIds: string[], lanes: number, lane: number, i: number) {
  const pair = Math.floor(i / 2);
  return {
    messageId: messageIds[(pair * lanes + lane) % messageIds.length]!,
    emoji: BENCH_EMOJI[pair % BENCH_EMOJI.length]!,
    add: i % 2 === 0,
  };
}
