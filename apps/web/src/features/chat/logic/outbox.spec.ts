import type { Ack, AckError, Message, SendPayload } from '@chat/contracts';
import { describe, expect, it } from 'vitest';
import { Outbox, type OutboxTransport } from './outbox';
import { ALICE, CONVERSATION_ID, message } from './test-messages';

/** A socket stand-in: every send waits until the test answers it, times it out or drops it. */
class FakeTransport implements OutboxTransport {
  connected = true;
  readonly sends: { payload: SendPayload; answer(ack: Ack<Message>): void; timeout(): void }[] = [];

  isConnected() {
    return this.connected;
  }

  send(payload: SendPayload) {
    return new Promise<Ack<Message>>((resolve, reject) => {
      this.sends.push({ payload, answer: resolve, timeout: () => reject(new Error('timeout')) });
    });
  }

  last() {
    return this.sends.at(-1)!;
  }
}

function setup() {
  const transport = new FakeTransport();
  const sent: Message[] = [];
  const failed: { payload: SendPayload; error: AckError }[] = [];
  const retrying: string[] = [];
  const outbox = new Outbox(transport, {
    sent: (m) => sent.push(m),
    failed: (payload, error) => failed.push({ payload, error }),
    retrying: (payload) => retrying.push(payload.clientMsgId),
  });
  return { transport, outbox, sent, failed, retrying };
}

let n = 0;
function payload(body = 'hi'): SendPayload {
  n += 1;
  return {
    conversationId: CONVERSATION_ID,
    clientMsgId: `bbbbbbbb-0000-4000-8000-${String(n).padStart(12, '0')}`,
    body,
  };
}

function stored(p: SendPayload, seq: number): Message {
  return message(seq, { sender: ALICE, clientMsgId: p.clientMsgId, body: p.body });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('Outbox', () => {
  it('sends at once when connected and reports the stored message', async () => {
    const { transport, outbox, sent } = setup();
    const p = payload();
    outbox.enqueue(p);
    expect(transport.sends.map((s) => s.payload)).toEqual([p]);

    transport.last().answer({ ok: true, data: stored(p, 1) });
    await settle();

    expect(sent.map((m) => m.clientMsgId)).toEqual([p.clientMsgId]);
    expect(outbox.unsent()).toEqual([]);
  });

  it('keeps messages written offline and sends them in order, one at a time, on reconnect', async () => {
    const { transport, outbox, sent } = setup();
    transport.connected = false;
    const first = payload('one');
    const second = payload('two');
    outbox.enqueue(first);
    outbox.enqueue(second);
    expect(transport.sends).toHaveLength(0);

    transport.connected = true;
    outbox.flush();
    expect(transport.sends.map((s) => s.payload.body)).toEqual(['one']);
    transport.last().answer({ ok: true, data: stored(first, 1) });
    await settle();
    expect(transport.sends.map((s) => s.payload.body)).toEqual(['one', 'two']);
    transport.last().answer({ ok: true, data: stored(second, 2) });
    await settle();

    expect(sent.map((m) => m.body)).toEqual(['one', 'two']);
  });

  it('resends with the same clientMsgId when the connection drops before the ack', async () => {
    const { transport, outbox, sent, failed } = setup();
    const p = payload();
    outbox.enqueue(p);
    transport.connected = false;
    outbox.disconnected();
    transport.sends[0]!.timeout();
    await settle();
    expect(failed).toEqual([]);

    transport.connected = true;
    outbox.flush();
    expect(transport.sends.map((s) => s.payload.clientMsgId)).toEqual([
      p.clientMsgId,
      p.clientMsgId,
    ]);
    transport.last().answer({ ok: true, data: stored(p, 1) });
    await settle();
    expect(sent).toHaveLength(1);
  });

  it('reports a message once even if both attempts are acknowledged', async () => {
    const { transport, outbox, sent } = setup();
    const p = payload();
    outbox.enqueue(p);
    outbox.disconnected();
    outbox.flush();
    transport.sends[0]!.answer({ ok: true, data: stored(p, 1) });
    transport.sends[1]!.answer({ ok: true, data: stored(p, 1) });
    await settle();
    expect(sent).toHaveLength(1);
  });

  it('fails a message that gets no ack while connected; retry sends it again', async () => {
    const { transport, outbox, sent, failed, retrying } = setup();
    const p = payload();
    outbox.enqueue(p);
    transport.last().timeout();
    await settle();
    expect(failed.map((f) => f.error.message)).toEqual(['No answer from the server']);

    outbox.retry(p.clientMsgId);
    expect(retrying).toEqual([p.clientMsgId]);
    expect(transport.sends).toHaveLength(2);
    expect(transport.last().payload.clientMsgId).toBe(p.clientMsgId);
    transport.last().answer({ ok: true, data: stored(p, 1) });
    await settle();
    expect(sent).toHaveLength(1);
  });

  it('retries a timed-out message by itself after a reconnect, but not one the server refused', async () => {
    const { transport, outbox, failed } = setup();
    const timedOut = payload('lost');
    const refused = payload('x'.repeat(10));
    outbox.enqueue(timedOut);
    transport.last().timeout();
    await settle();
    outbox.enqueue(refused);
    transport.last().answer({ ok: false, error: { code: 'VALIDATION', message: 'bad' } });
    await settle();
    expect(failed).toHaveLength(2);

    outbox.disconnected();
    outbox.flush();

    expect(transport.sends.map((s) => s.payload.body)).toEqual(['lost', refused.body, 'lost']);
  });

  it('does not let a failed message hold up the ones after it', async () => {
    const { transport, outbox } = setup();
    const bad = payload('bad');
    const good = payload('good');
    outbox.enqueue(bad);
    outbox.enqueue(good);
    transport.last().answer({ ok: false, error: { code: 'FORBIDDEN', message: 'no' } });
    await settle();
    expect(transport.last().payload.body).toBe('good');
  });
});
