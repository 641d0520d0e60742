import type { Message, MessagePage } from '@chat/contracts';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { createRoom, joinRoom } from './factories/conversations.js';
import { signUp, type SignedUpUser } from './factories/users.js';
import type { HttpClient } from './support/http-client.js';
import { useTestApp } from './support/use-test-app.js';

/** One operation of the model: who does what to which message (by index among those sent). */
type Operation =
  | { kind: 'send'; by: number; body: string; replyTo: number | null }
  | { kind: 'edit'; by: number; target: number; body: string }
  | { kind: 'delete'; by: number; target: number }
  | { kind: 'react'; by: number; target: number; emoji: string }
  | { kind: 'unreact'; by: number; target: number; emoji: string };

const EMOJI = ['👍', '❤️'];
const person = fc.integer({ min: 0, max: 1 });
// Few targets, so operations pile onto the same messages (where ordering bugs live).
const target = fc.nat({ max: 3 });
const text = fc.string({ minLength: 1, maxLength: 12 }).map((s) => `t ${s}`);
const operation: fc.Arbitrary<Operation> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('send' as const),
      by: person,
      body: text,
      replyTo: fc.option(target),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('edit' as const), by: person, target, body: text }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), by: person, target }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('react' as const),
      by: person,
      target,
      emoji: fc.constantFrom(...EMOJI),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('unreact' as const),
      by: person,
      target,
      emoji: fc.constantFrom(...EMOJI),
    }),
  },
);

/**
 * The exact catch-up property: for any interleaving of sends, edits, deletes and reactions, a
 * client that held the state at counter N and applies `changes?after=N` (page after page)
 * holds exactly what the server holds. Operations the rules refuse (editing someone else's
 * message, a deleted one) are part of the interleaving: they must change nothing.
 */
describe('catch-up replay: state at N + changes after N = server state', () => {
  const app = useTestApp({ RATE_LIMIT_USER_SENDS_PER_10S: '100000' });

  /** Every message of the conversation as it is now, by id (history pages through seq). */
  async function serverState(http: HttpClient, conversationId: string, token: string) {
    const state = new Map<string, Message>();
    let before: number | null = null;
    for (;;) {
      const query: string = `limit=100${before === null ? '' : `&before=${before}`}`;
      const res = await http.get<MessagePage>(
        `/api/conversations/${conversationId}/messages?${query}`,
        { token },
      );
      for (const m of res.body.items) state.set(m.id, m);
      if (!res.body.hasMore || res.body.items.length === 0) return state;
      before = res.body.items[0]!.seq;
    }
  }

  /** Applies every change after `after`, page by page, as the web client does. */
  async function catchUp(
    http: HttpClient,
    conversationId: string,
    token: string,
    state: Map<string, Message>,
    after: number,
  ) {
    let cursor = after;
    for (;;) {
      const res = await http.get<MessagePage>(
        `/api/conversations/${conversationId}/changes?after=${cursor}&limit=7`,
        { token },
      );
      for (const m of res.body.items) {
        const held = state.get(m.id);
        if (!held || held.rev < m.rev) state.set(m.id, m);
        cursor = Math.max(cursor, m.rev);
      }
      if (!res.body.hasMore) return cursor;
    }
  }

  async function apply(
    http: HttpClient,
    conversationId: string,
    people: SignedUpUser[],
    sent: string[],
    op: Operation,
  ) {
    const token = people[op.by]!.accessToken;
    const id = (index: number) => sent[index % Math.max(sent.length, 1)];
    if (op.kind === 'send') {
      const replyToId = op.replyTo === null ? undefined : id(op.replyTo);
      const res = await http.post<Message>(
        `/api/conversations/${conversationId}/messages`,
        { clientMsgId: randomUUID(), body: op.body, ...(replyToId ? { replyToId } : {}) },
        { token },
      );
      // A reply to a deleted parent is refused (VALIDATION); anything else must succeed.
      if (res.status === 201) sent.push(res.body.id);
      else expect(res.status).toBe(400);
      return;
    }
    const messageId = id(op.target);
    if (!messageId) return;
    const path = `/api/messages/${messageId}`;
    const reaction = `${path}/reactions/${encodeURIComponent('emoji' in op ? op.emoji : '')}`;
    const res =
      op.kind === 'edit'
        ? await http.patch(path, { body: op.body }, { token })
        : op.kind === 'delete'
          ? await http.delete(path, { token })
          : op.kind === 'react'
            ? await http.put(reaction, undefined, { token })
            : await http.delete(reaction, { token });
    // Refusals are expected (not yours, deleted); server errors never.
    expect([200, 403, 404]).toContain(res.status);
  }

  it('holds for any interleaving (fast-check)', async () => {
    const owner = await signUp(app.http);
    const other = await signUp(app.http);
    const people = [owner, other];
    await fc.assert(
      fc.asyncProperty(
        fc.array(operation, { minLength: 1, maxLength: 14 }),
        fc.array(operation, { minLength: 1, maxLength: 14 }),
        async (before, after) => {
          const room = await createRoom(
            app.http,
            owner.accessToken,
            `Replay ${randomUUID().slice(0, 8)}`,
          );
          await joinRoom(app.http, other.accessToken, room.slug!);
          const sent: string[] = [];
          for (const op of before) await apply(app.http, room.id, people, sent, op);
          // The client's state at N: everything it holds, and the largest seq or rev among it.
          const client = await serverState(app.http, room.id, other.accessToken);
          const n = Math.max(0, ...[...client.values()].flatMap((m) => [m.seq, m.rev]));
          for (const op of after) await apply(app.http, room.id, people, sent, op);

          await catchUp(app.http, room.id, other.accessToken, client, n);
          const server = await serverState(app.http, room.id, other.accessToken);
          expect(new Map([...client].sort())).toEqual(new Map([...server].sort()));
        },
      ),
      {
        numRuns: 40,
        // Besides the random ones: a change in each phase on the same message.
        examples: [
          [
            [
              { kind: 'send', by: 0, body: 'a', replyTo: null },
              { kind: 'react', by: 1, target: 0, emoji: '👍' },
            ],
            [{ kind: 'unreact', by: 1, target: 0, emoji: '👍' }],
          ],
          [
            [
              { kind: 'send', by: 0, body: 'a', replyTo: null },
              { kind: 'send', by: 1, body: 'b', replyTo: 0 },
            ],
            [{ kind: 'delete', by: 0, target: 0 }],
          ],
          [
            [{ kind: 'send', by: 0, body: 'a', replyTo: null }],
            [
              { kind: 'edit', by: 0, target: 0, body: 'b' },
              { kind: 'edit', by: 1, target: 0, body: 'c' },
            ],
          ],
        ],
      },
    );
  }, 240_000);
});
