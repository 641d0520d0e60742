/** Messages between the bench's main process and its client workers. */
export type ToWorker =
  | {
      type: 'connect';
      url: string;
      tokens: Array<string | null>;
      conversationId: string | null;
      concurrency: number;
    }
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
  | { type: 'close' };

export type FromWorker =
  | { type: 'connected'; connected: number; failed: number; ms: number }
  | { type: 'report'; received: number; latency: Array<[number, number]> }
  | {
      type: 'sent';
      sent: number;
      acked: number;
      failed: number;
      ackLatency: Array<[number, number]>;
      errors: string[];
    }
  | { type: 'error'; message: string };
