import {
  authRefreshPayloadSchema,
  deletePayloadSchema,
  editPayloadSchema,
  ERROR_CODES,
  gameMovePayloadSchema,
  gameStartPayloadSchema,
  joinPayloadSchema,
  leavePayloadSchema,
  LIMITS,
  pinPayloadSchema,
  reactionPayloadSchema,
  readPayloadSchema,
  sendPayloadSchema,
  typingPayloadSchema,
  type Conversation,
  type Thread,
} from '@chat/contracts';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ZodType } from 'zod';
import { createRoom, generalConversation, openThread } from '../factories/conversations.js';
import { signInAsGuest, signUp } from '../factories/users.js';
import { startApiProcess, type ApiProcess } from '../support/api-process.js';
import { createTestDatabase, queryDatabase, type TestDatabase } from '../support/test-database.js';
import { connectSocket, type TestSocket } from '../support/test-socket.js';
import {
  deepJson,
  hugeString,
  junkValue,
  mapLimit,
  NASTY_NUMBERS,
  NASTY_STRINGS,
  Rng,
} from './support/fuzz.js';

const SEED = 0x5eed0001;
const CASES = 1000;
/** Every generated frame stays under the 16 KiB cap, so no socket is closed for its size. */
const MAX_FRAME_BYTES = LIMITS.socketPayloadBytes - 1024;

type Actor = 'user' | 'outsider' | 'guest' | 'visitor';
type Target = 'general' | 'room' | 'thread' | 'unknown';
/** The conversations aimed at, and a message in the room and in the thread. */
type Targets = Record<Exclude<Target, 'unknown'>, string> & {
  messages: Record<'room' | 'thread', string>;
};
const EVENTS = {
  'conversation:join': joinPayloadSchema,
  'conversation:leave': leavePayloadSchema,
  'message:send': sendPayloadSchema,
  typing: typingPayloadSchema,
  'conversation:read': readPayloadSchema,
  'auth:refresh': authRefreshPayloadSchema,
  'message:edit': editPayloadSchema,
  'message:delete': deletePayloadSchema,
  'reaction:add': reactionPayloadSchema,
  'reaction:remove': reactionPayloadSchema,
  'message:pin': pinPayloadSchema,
  'game:start': gameStartPayloadSchema,
  'game:move': gameMovePayloadSchema,
} satisfies Record<string, ZodType>;
/** Events aimed at a message (`messageId`), not at a conversation. */
const MESSAGE_EVENTS: readonly ClientEvent[] = [
  'message:edit',
  'message:delete',
  'reaction:add',
  'reaction:remove',
  'message:pin',
  'game:move',
];
const EMOJI = ['👍', '❤️', '👩‍💻', '🇫🇷', '👋🏽'];
/** Access tokens that must never re-authenticate anyone (wrong signature, not a JWT…). */
const BAD_TOKENS = [
  'not-a-jwt',
  'a.b.c',
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwicm9sZSI6InVzZXIiLCJqdGkiOiJ5In0.c2lnbmF0dXJl',
  'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZSI6InVzZXIiLCJqdGkiOiJ5In0.',
];
type ClientEvent = keyof typeof EVENTS;
const UNKNOWN_EVENTS: readonly (string | number)[] = [
  'nope',
  'message:destroy',
  'message:send ',
  'MESSAGE:SEND',
  'conversation:create',
  'admin:shutdown',
  'error',
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  '',
  'x'.repeat(2000),
  '<script>alert(1)</script>',
  '\u202e\ud800',
  42,
];

interface Case {
  index: number;
  label: string;
  actor: Actor;
  event: string | number;
  /** The emit's arguments before the ack callback (empty: no payload at all). */
  args: unknown[];
  withAck: boolean;
  /** The codes the contract allows (null: the call has no ack, only "no crash, no write"). */
  expected: string[] | null;
}

/**
 * 1,000 malformed or forbidden socket calls from four kinds of caller: a member (`user`), a
 * signed-in non-member (`outsider`), a guest and a visitor. None may crash the process, go
 * unanswered, be answered with the wrong code, or write a row.
 */
describe(`socket fuzzer (seed 0x${SEED.toString(16)}, ${CASES} calls)`, () => {
  let database: TestDatabase;
  let api: ApiProcess;
  let ids: Targets;
  const sockets = {} as Record<Actor, TestSocket>;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startApiProcess({
      DATABASE_URL: database.url,
      // The fuzzer sends far faster than a person; rate limiting is not under test here.
      RATE_LIMIT_USER_SENDS_PER_10S: '1000000',
      RATE_LIMIT_GUEST_SENDS_PER_10S: '1000000',
      LOG_LEVEL: 'info',
    });
    const ann = await signUp(api.http);
    const bob = await signUp(api.http);
    const carl = await signUp(api.http);
    const guest = await signInAsGuest(api.http, 'fuzzy');
    const room: Conversation = await createRoom(api.http, ann.accessToken, 'Fuzz Room');
    const thread: Thread = await openThread(api.http, ann.accessToken, bob.user.id);
    // A message of the member's in the room and in the thread: what the others aim changes at.
    const post = async (conversationId: string) =>
      (
        await api.http.post(
          `/api/conversations/${conversationId}/messages`,
          { clientMsgId: randomUUID(), body: 'a message to aim at' },
          { token: ann.accessToken },
        )
      ).body.id as string;
    ids = {
      general: (await generalConversation(api.http)).id,
      room: room.id,
      thread: thread.id,
      messages: { room: await post(room.id), thread: await post(thread.id) },
    };
    sockets.user = await connectSocket(api.baseUrl, ann.accessToken);
    sockets.outsider = await connectSocket(api.baseUrl, carl.accessToken);
    sockets.guest = await connectSocket(api.baseUrl, guest.accessToken);
    sockets.visitor = await connectSocket(api.baseUrl);
  }, 90_000);

  afterAll(async () => {
    Object.values(sockets).forEach((socket) => socket.close());
    await api?.kill('SIGTERM');
    await database?.drop();
  });

  /** Everything a client event could write. */
  const snapshot = async () =>
    (
      await queryDatabase(
        database.url,
        `SELECT (SELECT count(*) FROM messages) AS messages,
                (SELECT count(*) FROM conversations) AS conversations,
                (SELECT coalesce(sum(last_seq), 0) FROM conversations) AS seqs,
                (SELECT count(*) FROM conversation_members) AS members,
                (SELECT coalesce(sum(last_read_seq), 0) FROM conversation_members) AS markers,
                (SELECT count(*) FROM users) AS users,
                (SELECT coalesce(sum(rev), 0) FROM messages) AS revs,
                (SELECT count(*) FROM message_reactions) AS reactions,
                (SELECT count(*) FROM messages WHERE pinned_at IS NOT NULL) AS pins`,
      )
    )[0];

  it('answers every call with the contract code, never crashes, writes nothing', async () => {
    const cases = generateCases(new Rng(SEED), ids);
    expect(cases).toHaveLength(CASES);
    // The generator must cover every class it claims to.
    const expectedCodes = new Set(cases.map((c) => c.expected?.[0] ?? null));
    for (const code of ['VALIDATION', 'NOT_FOUND', 'UNAUTHORIZED', 'FORBIDDEN', null]) {
      expect(expectedCodes).toContain(code);
    }
    // And every event, each with a well-shaped payload refused for access at least once.
    for (const event of Object.keys(EVENTS)) {
      expect(cases.some((c) => c.event === event && c.label.endsWith('well-shaped'))).toBe(true);
    }

    const before = await snapshot();
    const failures: string[] = [];
    await mapLimit(cases, 8, async (c) => {
      const socket = sockets[c.actor].socket as unknown as {
        emit(event: string | number, ...args: unknown[]): void;
        timeout(ms: number): {
          emitWithAck(event: string | number, ...args: unknown[]): Promise<any>;
        };
      };
      if (!c.withAck) {
        socket.emit(c.event, ...c.args);
        return;
      }
      let answer: any;
      try {
        answer = await socket.timeout(5000).emitWithAck(c.event, ...c.args);
      } catch (error) {
        failures.push(`#${c.index} ${c.label}: no answer (${(error as Error).message})`);
        return;
      }
      const code = answer?.error?.code;
      const wellFormed =
        answer?.ok === false &&
        (ERROR_CODES as readonly string[]).includes(code) &&
        typeof answer.error.message === 'string' &&
        answer.error.message.length > 0;
      if (!wellFormed || !c.expected!.includes(code)) {
        failures.push(
          `#${c.index} ${c.label}: expected ${c.expected}, got ${JSON.stringify(answer).slice(0, 300)}`,
        );
      }
    });

    // Calls without an ack are flushed by a round trip on each socket (events are handled in order).
    for (const socket of Object.values(sockets)) await socket.roundTrip();
    expect(failures.slice(0, 25)).toEqual([]);
    expect(failures).toHaveLength(0);

    // Still up, still serving, every socket still connected, nothing written.
    expect(api.child.exitCode).toBeNull();
    expect(api.child.signalCode).toBeNull();
    expect((await api.http.get('/api/health')).status).toBe(200);
    for (const socket of Object.values(sockets)) expect(socket.socket.connected).toBe(true);
    expect(await snapshot()).toEqual(before);
    expect(api.output()).not.toContain('Unhandled socket error');
  }, 120_000);
});

/** The contract's answer to a payload that passes the schema (see ConversationsService). */
function accessCode(actor: Actor, event: ClientEvent, target: Target): string {
  // No generated token is valid: refused for everyone (a visitor has nothing to refresh).
  if (event === 'auth:refresh') return 'UNAUTHORIZED';
  if (target === 'unknown' && !MESSAGE_EVENTS.includes(event) && event !== 'game:start') {
    if (actor === 'visitor' && (event === 'message:send' || event === 'typing'))
      return 'UNAUTHORIZED';
    if (event === 'conversation:read' && (actor === 'visitor' || actor === 'guest'))
      return 'FORBIDDEN';
    return 'NOT_FOUND';
  }
  if (MESSAGE_EVENTS.includes(event) || event === 'game:start') {
    // As for a send: the caller must be able to post where the message is.
    if (actor === 'visitor') return 'UNAUTHORIZED';
    return target === 'room' ? 'FORBIDDEN' : 'NOT_FOUND';
  }
  switch (event) {
    case 'message:send':
      if (actor === 'visitor') return 'UNAUTHORIZED';
      return target === 'room' ? 'FORBIDDEN' : 'NOT_FOUND';
    case 'typing':
      return actor === 'visitor' ? 'UNAUTHORIZED' : 'NOT_FOUND';
    case 'conversation:read':
      if (actor !== 'outsider') return 'FORBIDDEN';
      return target === 'room' ? 'FORBIDDEN' : 'NOT_FOUND';
    default: // join, leave
      if (target === 'thread') return 'NOT_FOUND';
      return actor === 'visitor' ? 'UNAUTHORIZED' : 'FORBIDDEN';
  }
}

/**
 * Which (actor, target) pairs are refused for a well-shaped payload. The member only ever aims
 * at unknown ids, and nobody aims at general except a visitor sending, typing or reading there:
 * everything else there would succeed (and some of it would write).
 */
function targetsFor(actor: Actor, event: ClientEvent): Target[] {
  if (event === 'auth:refresh') return ['unknown']; // aims at no conversation
  if (actor === 'user') return ['unknown'];
  // Nobody aims a change at general's messages or starts a game where they may post.
  if (MESSAGE_EVENTS.includes(event) || event === 'game:start')
    return ['unknown', 'room', 'thread'];
  const targets: Target[] = ['unknown', 'room', 'thread'];
  if (actor === 'visitor' && ['message:send', 'typing', 'conversation:read'].includes(event)) {
    targets.push('general');
  }
  return targets;
}

function generateCases(rng: Rng, ids: Targets): Case[] {
  const actors: Actor[] = ['user', 'outsider', 'guest', 'visitor'];
  const events = Object.keys(EVENTS) as ClientEvent[];
  const cases: Case[] = [];
  while (cases.length < CASES) {
    const index = cases.length;
    const actor = rng.pick(actors);
    const withAck = !rng.chance(0.12);
    if (rng.chance(0.06)) {
      const event = rng.pick(UNKNOWN_EVENTS);
      const args = rng.chance(0.3) ? [] : [junkValue(rng)];
      cases.push({
        index,
        label: `${actor} unknown event ${JSON.stringify(event).slice(0, 40)}`,
        actor,
        event,
        args,
        withAck,
        expected: withAck ? ['NOT_FOUND'] : null,
      });
      continue;
    }
    const event = rng.pick(events);
    const target = rng.pick(targetsFor(actor, event));
    const conversationId = target === 'unknown' ? rng.uuid() : ids[target];
    const messageId =
      target === 'room' || target === 'thread'
        ? ids.messages[target]
        : String(rng.int(1_000_000, 2_000_000_000));
    const { payload, what, noPayload } = mutate(
      rng,
      event,
      wellShaped(rng, event, conversationId, messageId),
    );
    const args = noPayload ? [] : rng.chance(0.05) ? [payload, 'extra', 7] : [payload];
    if (Buffer.byteLength(JSON.stringify(args)) > MAX_FRAME_BYTES) continue;
    // The oracle judges what the server will receive: the payload after a JSON round trip.
    const received = noPayload ? undefined : JSON.parse(JSON.stringify(payload) ?? 'null');
    const expected = withAck ? expectedCode(actor, event, target, received) : null;
    cases.push({
      index,
      label: `${actor} ${event} → ${target}: ${what}`,
      actor,
      event,
      args,
      withAck,
      expected,
    });
  }
  return cases;
}

/** VALIDATION when the contract's schema (or its text rules) refuses; else the access answer. */
function expectedCode(
  actor: Actor,
  event: ClientEvent,
  target: Target,
  payload: unknown,
): string[] {
  const parsed = EVENTS[event].safeParse(payload);
  if (!parsed.success) return ['VALIDATION'];
  // Text that is not well-formed UTF-16 cannot be stored as sent.
  const body = (parsed.data as { body?: string }).body;
  if (body !== undefined && /[\ud800-\udfff]/u.test(body)) return ['VALIDATION'];
  const access = accessCode(actor, event, target);
  // PostgreSQL cannot store NUL: a body with one is bad input, for anyone who may send at all.
  if (body?.includes('\u0000') && access !== 'UNAUTHORIZED') return ['VALIDATION', access];
  return [access];
}

function wellShaped(
  rng: Rng,
  event: ClientEvent,
  conversationId: string,
  messageId: string,
): Record<string, unknown> {
  switch (event) {
    case 'conversation:join':
      return rng.chance(0.5) ? { conversationId } : { conversationId, afterSeq: rng.int(0, 50) };
    case 'conversation:leave':
      return { conversationId };
    case 'message:send':
      return { conversationId, clientMsgId: rng.uuid(), body: rng.pick(NASTY_STRINGS) || 'hello' };
    case 'typing':
      return { conversationId, isTyping: rng.chance(0.5) };
    case 'conversation:read':
      return { conversationId, seq: rng.int(0, 50) };
    case 'auth:refresh':
      return { token: rng.chance(0.7) ? rng.pick(BAD_TOKENS) : rng.pick(NASTY_STRINGS) };
    case 'message:edit':
      return { messageId, body: rng.pick(NASTY_STRINGS) || 'edited' };
    case 'message:delete':
      return { messageId };
    case 'reaction:add':
    case 'reaction:remove':
      return { messageId, emoji: rng.chance(0.8) ? rng.pick(EMOJI) : rng.pick(NASTY_STRINGS) };
    case 'message:pin':
      return { messageId, pinned: rng.chance(0.5) };
    case 'game:start':
      return { conversationId, x: 'me', o: rng.pick(['ai', 'open'] as const) };
    case 'game:move':
      return { messageId, cell: rng.int(0, 8) };
  }
}

/** One way to spoil (or merely decorate) a well-shaped payload. */
function mutate(
  rng: Rng,
  event: ClientEvent,
  good: Record<string, unknown>,
): { payload: unknown; what: string; noPayload?: boolean } {
  const keys = Object.keys(good);
  const key = rng.pick(keys);
  switch (rng.int(0, 11)) {
    case 0:
      return { payload: undefined, what: 'no payload', noPayload: true };
    case 1: {
      const junk = junkValue(rng);
      return { payload: junk, what: `payload ${show(junk)}` };
    }
    case 2: {
      const { [key]: _gone, ...rest } = good;
      return { payload: rest, what: `missing ${key}` };
    }
    case 3: {
      const junk = junkValue(rng);
      return { payload: { ...good, [key]: junk }, what: `${key} = ${show(junk)}` };
    }
    case 4:
      return { payload: { ...good, [key]: hugeString(rng, 12_000) }, what: `${key} = huge string` };
    case 5:
      return {
        payload: {
          ...good,
          [key]: deepJson(rng.int(100, 2000), rng.pick(['array', 'object'] as const)),
        },
        what: `${key} = deep JSON`,
      };
    case 6:
      return { payload: [good], what: 'payload wrapped in an array' };
    case 7:
      return {
        payload: {
          ...good,
          [rng.pick(NASTY_STRINGS)]: junkValue(rng),
          extra: { nested: [1, 2, 3] },
        },
        what: 'extra fields',
      };
    case 8: {
      const n = rng.pick(NASTY_NUMBERS);
      return { payload: { ...good, [key]: n }, what: `${key} = ${n}` };
    }
    case 9:
      return { payload: { ...good, [key]: String(good[key]) }, what: `${key} as a string` };
    case 10:
      if (event === 'message:send' || event === 'message:edit') {
        const body = rng.pick([
          '',
          '   \n\t ',
          'x'.repeat(LIMITS.messageBodyMax + 1),
          `  ${'é'.repeat(LIMITS.messageBodyMax)}  `,
          '😀'.repeat(LIMITS.messageBodyMax / 2 + 1),
          rng.pick(NASTY_STRINGS),
          `${rng.pick(NASTY_STRINGS)} ${rng.pick(NASTY_STRINGS)}`,
        ]);
        return { payload: { ...good, body }, what: `body ${show(body)}` };
      }
      return { payload: good, what: 'well-shaped' };
    default:
      return { payload: good, what: 'well-shaped' };
  }
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…(${text.length})` : text;
}
