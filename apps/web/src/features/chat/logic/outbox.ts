import type { Ack, AckError, Message, SendPayload } from '@chat/contracts';

export interface OutboxTransport {
  isConnected(): boolean;
  /** Emits `message:send`; rejects when no ack comes within the timeout. */
  send(payload: SendPayload, timeoutMs: number): Promise<Ack<Message>>;
}

export interface OutboxEvents {
  sent(message: Message): void;
  failed(payload: SendPayload, error: AckError): void;
  /** A failed message is being tried again (a retry, or a reconnect after a timeout). */
  retrying(payload: SendPayload): void;
}

interface Entry {
  payload: SendPayload;
  state: 'waiting' | 'in-flight' | 'failed';
  /** A failure worth repeating by itself: no answer, rate limited, a server hiccup. */
  transient: boolean;
  /** Bumped on every attempt so the answer to an abandoned attempt is recognised. */
  attempt: number;
}

export const ACK_TIMEOUT_MS = 10_000;

const TIMEOUT_ERROR: AckError = { code: 'INTERNAL', message: 'No answer from the server' };
const TRANSIENT_CODES = new Set<AckError['code']>(['INTERNAL', 'RATE_LIMITED']);

/**
 * Unsent messages, kept until the server has them (at-least-once delivery). Every attempt uses
 * the same clientMsgId, so the server stores a message once however often it is sent.
 *
 * One message is in flight at a time, in the order they were written, so they are stored in
 * that order too. Messages wait while disconnected and go out on `flush()` after a reconnect.
 * One that gets no ack while connected, or is refused, is failed: `retry()` sends it again, and
 * so does the next `flush()` unless the server refused it for good (a validation error, say).
 */
export class Outbox {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly transport: OutboxTransport,
    private readonly events: OutboxEvents,
    private readonly ackTimeoutMs = ACK_TIMEOUT_MS,
  ) {}

  enqueue(payload: SendPayload): void {
    if (this.entries.has(payload.clientMsgId)) return;
    this.entries.set(payload.clientMsgId, {
      payload,
      state: 'waiting',
      transient: false,
      attempt: 0,
    });
    this.pump();
  }

  /** The user asked to try a failed message again. */
  retry(clientMsgId: string): void {
    const entry = this.entries.get(clientMsgId);
    if (!entry || entry.state !== 'failed') return;
    this.rewind(entry);
    this.pump();
  }

  /** After a (re)connect: everything waiting, cut off mid-flight or failed by a hiccup goes out. */
  flush(): void {
    for (const entry of this.entries.values()) {
      if (entry.state === 'in-flight') this.abandon(entry);
      else if (entry.state === 'failed' && entry.transient) this.rewind(entry);
    }
    this.pump();
  }

  /** The connection dropped: an in-flight send will never be answered, so it waits again. */
  disconnected(): void {
    for (const entry of this.entries.values()) {
      if (entry.state === 'in-flight') this.abandon(entry);
    }
  }

  /** Unsent messages (waiting, in flight or failed) in the order they were written. */
  unsent(): SendPayload[] {
    return [...this.entries.values()].map((entry) => entry.payload);
  }

  private pump(): void {
    if (!this.transport.isConnected()) return;
    const entries = [...this.entries.values()];
    if (entries.some((entry) => entry.state === 'in-flight')) return;
    const next = entries.find((entry) => entry.state === 'waiting');
    if (next) this.send(next);
  }

  private send(entry: Entry): void {
    entry.state = 'in-flight';
    entry.attempt += 1;
    const attempt = entry.attempt;
    const { clientMsgId } = entry.payload;
    const held = () => this.entries.get(clientMsgId) === entry;

    this.transport.send(entry.payload, this.ackTimeoutMs).then(
      (ack) => {
        if (!held()) return;
        // Even the answer to an abandoned attempt proves the server has the message.
        if (ack.ok) this.succeed(entry, ack.data);
        else if (entry.attempt === attempt) this.fail(entry, ack.error);
        this.pump();
      },
      () => {
        if (!held() || entry.attempt !== attempt) return;
        if (this.transport.isConnected()) this.fail(entry, TIMEOUT_ERROR);
        else entry.state = 'waiting';
        this.pump();
      },
    );
  }

  private abandon(entry: Entry): void {
    entry.state = 'waiting';
    entry.attempt += 1;
  }

  private rewind(entry: Entry): void {
    entry.state = 'waiting';
    this.events.retrying(entry.payload);
  }

  private succeed(entry: Entry, message: Message): void {
    this.entries.delete(entry.payload.clientMsgId);
    this.events.sent(message);
  }

  private fail(entry: Entry, error: AckError): void {
    entry.state = 'failed';
    entry.transient = TRANSIENT_CODES.has(error.code);
    this.events.failed(entry.payload, error);
  }
}
