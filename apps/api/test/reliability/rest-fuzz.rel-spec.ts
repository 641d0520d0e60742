import {
  apiErrorSchema,
  changesQuerySchema,
  conversationIdParamSchema,
  editMessageBodySchema,
  gameMoveBodySchema,
  createRoomBodySchema,
  guestBodySchema,
  historyQuerySchema,
  listRoomsQuerySchema,
  listUsersQuerySchema,
  loginBodySchema,
  messageIdParamSchema,
  openThreadBodySchema,
  readBodySchema,
  sendMessageBodySchema,
  signupBodySchema,
  slugParamSchema,
  startGameBodySchema,
  updateProfileBodySchema,
  updateRoomBodySchema,
  usernameParamSchema,
  type Conversation,
  type Thread,
} from '@chat/contracts';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { ZodType } from 'zod';
import { createRoom, openThread } from '../factories/conversations.js';
import { signAccessToken, signInAsGuest, signUp } from '../factories/users.js';
import { startApiProcess, type ApiProcess } from '../support/api-process.js';
import { createTestDatabase, queryDatabase, type TestDatabase } from '../support/test-database.js';
import {
  deepJson,
  hugeString,
  junkValue,
  mapLimit,
  NASTY_NUMBERS,
  NASTY_STRINGS,
  Rng,
} from './support/fuzz.js';

const SEED = 0x5eed0002;
const CASES = 1000;
/** express.json's limit in http-setup.ts. */
const BODY_LIMIT_BYTES = 64 * 1024;

type Auth = 'visitor' | 'user' | 'guest' | 'expired' | 'forged' | 'malformed';
/** As the API's access levels: `guest` admits users and guests, `user` users only. */
type Level = 'no-token' | 'public' | 'guest' | 'user';
interface Expected {
  status: number;
  code: string;
}

interface Endpoint {
  name: string;
  method: string;
  level: Level;
  /** `:param` is filled in by the case. */
  path: string;
  param?: {
    key: 'id' | 'slug' | 'username';
    schema: ZodType;
    unknown: (rng: Rng) => string;
    /** Real values the fuzzing user may not touch (a room they are not in, a foreign thread). */
    known?: string[];
  };
  query?: ZodType;
  body?: ZodType;
  /** Body fields that are stored, where a NUL character is refused (VALIDATION). */
  storedFields?: string[];
  /** The answer once everything is valid; null when a valid request would succeed (not fuzzed). */
  onValid: (
    auth: Auth,
    param: string | undefined,
    query: Record<string, unknown>,
  ) => Expected | null;
}

interface Fixtures {
  room: Conversation;
  foreignThread: Thread;
  /** Bob's messages in the room and in the foreign thread. */
  roomMessageId: string;
  threadMessageId: string;
}

interface Case {
  index: number;
  label: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  expected: Expected;
}

/**
 * 1,000 malformed REST requests across every endpoint: bad JSON, wrong content types, bodies
 * over the limit, wrong types and nasty strings in bodies, params and queries, bad tokens. Each
 * must be answered with `{statusCode, code, message}`, the contract's code, a 4xx, never a 5xx,
 * and nothing may be written.
 */
describe(`REST fuzzer (seed 0x${SEED.toString(16)}, ${CASES} requests)`, () => {
  let database: TestDatabase;
  let api: ApiProcess;
  let tokens: Record<Auth, string | undefined>;
  let fixtures: Fixtures;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startApiProcess({ DATABASE_URL: database.url, RATE_LIMIT_AUTH_PER_MIN: '1000000' });
    const ann = await signUp(api.http);
    const bob = await signUp(api.http);
    const carl = await signUp(api.http);
    const guest = await signInAsGuest(api.http);
    const room = await createRoom(api.http, bob.accessToken, `Fuzz ${ann.user.id.slice(0, 8)}`);
    // A thread between Bob and Carl: Ann (the fuzzing user) is outside it.
    const foreignThread = await openThread(api.http, bob.accessToken, carl.user.id);
    const post = async (conversationId: string) =>
      (
        await api.http.post(
          `/api/conversations/${conversationId}/messages`,
          { clientMsgId: randomUUID(), body: 'Bob was here' },
          { token: bob.accessToken },
        )
      ).body.id as string;
    fixtures = {
      room,
      foreignThread,
      roomMessageId: await post(room.id),
      threadMessageId: await post(foreignThread.id),
    };
    tokens = {
      visitor: undefined,
      user: ann.accessToken,
      guest: guest.accessToken,
      expired: signAccessToken({ sub: ann.user.id, role: 'user' }, { expiresInS: -60 }),
      forged: signAccessToken({ sub: ann.user.id, role: 'user' }, { secret: 'x'.repeat(48) }),
      malformed: undefined,
    };
  }, 90_000);

  afterAll(async () => {
    await api?.kill('SIGTERM');
    await database?.drop();
  });

  const snapshot = async () =>
    (
      await queryDatabase(
        database.url,
        `SELECT (SELECT count(*) FROM users) AS users,
                (SELECT coalesce(string_agg(display_name || bio || location || avatar_color, '|' ORDER BY id), '') FROM users) AS profiles,
                (SELECT count(*) FROM refresh_tokens) AS refresh_tokens,
                (SELECT count(*) FROM refresh_tokens WHERE revoked_at IS NOT NULL) AS revoked,
                (SELECT count(*) FROM conversations) AS conversations,
                (SELECT count(*) FROM conversation_members) AS members,
                (SELECT coalesce(sum(last_read_seq), 0) FROM conversation_members) AS markers,
                (SELECT count(*) FROM messages) AS messages,
                (SELECT coalesce(sum(rev), 0) FROM messages) AS revs,
                (SELECT count(*) FROM message_reactions) AS reactions,
                (SELECT coalesce(string_agg(name || coalesce(topic, '') || coalesce(archived_at::text, ''), '|' ORDER BY id), '') FROM conversations) AS rooms`,
      )
    )[0];

  it('answers every request with a 4xx in the contract shape and writes nothing', async () => {
    const endpoints = buildEndpoints(fixtures);
    const cases = generateCases(new Rng(SEED), endpoints);
    expect(cases).toHaveLength(CASES);
    // Every endpoint is fuzzed at least once.
    for (const endpoint of endpoints) {
      expect(cases.some((c) => c.label.includes(` ${endpoint.name} [`))).toBe(true);
    }
    const statuses = new Set(cases.map((c) => c.expected.status));
    for (const status of [400, 401, 403, 404, 413]) expect(statuses).toContain(status);

    const before = await snapshot();
    const failures: string[] = [];
    await mapLimit(cases, 8, async (c) => {
      const headers = { ...c.headers };
      const auth = headers['x-fuzz-auth'] as Auth | undefined;
      delete headers['x-fuzz-auth'];
      if (auth === 'malformed') headers.authorization = 'Bearer';
      else if (auth && tokens[auth]) headers.authorization = `Bearer ${tokens[auth]}`;
      let status: number;
      let text: string;
      try {
        const response = await fetch(`${api.baseUrl}${c.path}`, {
          method: c.method,
          headers,
          body: c.body,
          signal: AbortSignal.timeout(15_000),
        });
        status = response.status;
        text = await response.text();
      } catch (error) {
        failures.push(`#${c.index} ${c.label}: no answer (${(error as Error).message})`);
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = text.slice(0, 200);
      }
      const shaped = apiErrorSchema.safeParse(body);
      const ok =
        shaped.success &&
        status === c.expected.status &&
        shaped.data.statusCode === status &&
        shaped.data.code === c.expected.code &&
        shaped.data.message.length > 0;
      if (!ok) {
        failures.push(
          `#${c.index} ${c.label}: expected ${c.expected.status} ${c.expected.code}, got ${status} ${JSON.stringify(body).slice(0, 200)}`,
        );
      }
    });
    expect(failures.slice(0, 80)).toEqual([]);
    expect(failures).toHaveLength(0);

    expect(api.child.exitCode).toBeNull();
    expect(api.child.signalCode).toBeNull();
    expect((await api.http.get('/api/health')).status).toBe(200);
    expect(await snapshot()).toEqual(before);
    expect(api.output()).not.toContain('Unhandled error');
  }, 150_000);
});

const e = (status: number, code: string): Expected => ({ status, code });

function buildEndpoints(fixtures: Fixtures): Endpoint[] {
  const { room, foreignThread, roomMessageId, threadMessageId } = fixtures;
  const name = (rng: Rng) =>
    Array.from({ length: 8 }, () => rng.pick([...'abcdefghijklmnopqrstuvwxyz0123456789'])).join('');
  const conversationParam = {
    key: 'id',
    schema: conversationIdParamSchema,
    unknown: (rng: Rng) => rng.uuid(),
    known: [room.id, foreignThread.id] as string[],
  } as const;
  const messageParam = {
    key: 'id',
    schema: messageIdParamSchema,
    unknown: (rng: Rng) => String(rng.int(1_000_000, 2_000_000_000)),
    known: [roomMessageId, threadMessageId] as string[],
  } as const;
  /** Reading where the caller may not: a room they are not in, else (unknown, a thread) nothing. */
  const notReadable = (auth: Auth, inRoom: boolean): Expected => {
    if (!inRoom) return e(404, 'NOT_FOUND');
    return auth === 'visitor' ? e(401, 'UNAUTHORIZED') : e(403, 'FORBIDDEN');
  };
  /** Changing where the caller may not: a visitor is refused first, whatever the target. */
  const notYours = (auth: Auth, inRoom: boolean): Expected => {
    if (auth === 'visitor') return e(401, 'UNAUTHORIZED');
    return inRoom ? e(403, 'FORBIDDEN') : e(404, 'NOT_FOUND');
  };
  const aMessageChange = (
    name: string,
    method: string,
    path: string,
    body?: ZodType,
  ): Endpoint => ({
    name,
    method,
    level: 'guest',
    path,
    param: messageParam,
    body,
    storedFields: body ? ['body'] : undefined,
    onValid: (auth, param) => notYours(auth, param === roomMessageId),
  });
  const slugParam = {
    key: 'slug',
    schema: slugParamSchema,
    unknown: (rng: Rng) => `no-such-room-${name(rng)}`,
  } as const;
  return [
    {
      name: 'signup',
      method: 'POST',
      level: 'no-token',
      path: '/api/auth/signup',
      body: signupBodySchema,
      storedFields: ['displayName'],
      onValid: () => null,
    },
    {
      name: 'login',
      method: 'POST',
      level: 'no-token',
      path: '/api/auth/login',
      body: loginBodySchema,
      onValid: () => e(401, 'INVALID_CREDENTIALS'),
    },
    // Without a cookie (or with a made-up one) there is nothing to refresh; the body is not read.
    {
      name: 'refresh',
      method: 'POST',
      level: 'no-token',
      path: '/api/auth/refresh',
      onValid: () => e(401, 'UNAUTHORIZED'),
    },
    {
      name: 'logout',
      method: 'POST',
      level: 'no-token',
      path: '/api/auth/logout',
      onValid: () => null,
    },
    {
      name: 'guest',
      method: 'POST',
      level: 'no-token',
      path: '/api/auth/guest',
      body: guestBodySchema.optional(),
      storedFields: ['nickname'],
      onValid: () => null,
    },
    {
      name: 'users list',
      method: 'GET',
      level: 'public',
      path: '/api/users',
      query: listUsersQuerySchema,
      // A cursor this API did not make is refused; without one the request would succeed.
      onValid: (_auth, _param, query) => (query.cursor ? e(400, 'VALIDATION') : null),
    },
    { name: 'me', method: 'GET', level: 'user', path: '/api/users/me', onValid: () => null },
    {
      name: 'edit me',
      method: 'PATCH',
      level: 'user',
      path: '/api/users/me',
      body: updateProfileBodySchema,
      storedFields: ['displayName', 'bio', 'location'],
      onValid: () => null,
    },
    {
      name: 'user profile',
      method: 'GET',
      level: 'public',
      path: '/api/users/:param',
      param: {
        key: 'username',
        schema: usernameParamSchema,
        unknown: (rng) => `nobody_${name(rng)}`,
      },
      onValid: () => e(404, 'NOT_FOUND'),
    },
    {
      name: 'rooms',
      method: 'GET',
      level: 'public',
      path: '/api/rooms',
      query: listRoomsQuerySchema,
      onValid: (auth, _param, query) => {
        const parsed = listRoomsQuerySchema.parse(query);
        if (parsed.cursor) return e(400, 'VALIDATION'); // not a cursor this API made
        if (parsed.mine && auth !== 'user') return e(401, 'UNAUTHORIZED');
        return null;
      },
    },
    {
      name: 'create room',
      method: 'POST',
      level: 'user',
      path: '/api/rooms',
      body: createRoomBodySchema,
      storedFields: ['name', 'topic'],
      onValid: () => null,
    },
    {
      name: 'room',
      method: 'GET',
      level: 'user',
      path: '/api/rooms/:param',
      param: slugParam,
      onValid: () => e(404, 'NOT_FOUND'),
    },
    {
      name: 'join room',
      method: 'POST',
      level: 'user',
      path: '/api/rooms/:param/join',
      param: slugParam,
      onValid: () => e(404, 'NOT_FOUND'),
    },
    {
      name: 'delete room',
      method: 'DELETE',
      level: 'user',
      path: '/api/rooms/:param',
      param: slugParam,
      onValid: () => e(404, 'NOT_FOUND'),
    },
    {
      name: 'leave room',
      method: 'DELETE',
      level: 'user',
      path: '/api/rooms/:param/members/me',
      param: slugParam,
      onValid: () => e(404, 'NOT_FOUND'),
    },
    { name: 'threads', method: 'GET', level: 'user', path: '/api/threads', onValid: () => null },
    {
      name: 'open thread',
      method: 'POST',
      level: 'user',
      path: '/api/threads',
      body: openThreadBodySchema,
      onValid: () => e(404, 'NOT_FOUND'),
    },
    {
      name: 'history',
      method: 'GET',
      level: 'public',
      path: '/api/conversations/:param/messages',
      param: conversationParam,
      query: historyQuerySchema,
      onValid: (auth, param) => notReadable(auth, param === room.id),
    },
    {
      name: 'changes',
      method: 'GET',
      level: 'public',
      path: '/api/conversations/:param/changes',
      param: conversationParam,
      query: changesQuerySchema,
      onValid: (auth, param) => notReadable(auth, param === room.id),
    },
    {
      name: 'pins',
      method: 'GET',
      level: 'public',
      path: '/api/conversations/:param/pins',
      param: conversationParam,
      onValid: (auth, param) => notReadable(auth, param === room.id),
    },
    {
      name: 'send',
      method: 'POST',
      level: 'guest',
      path: '/api/conversations/:param/messages',
      param: conversationParam,
      body: sendMessageBodySchema,
      storedFields: ['body'],
      onValid: (auth, param) => notYours(auth, param === room.id),
    },
    {
      name: 'start game',
      method: 'POST',
      level: 'guest',
      path: '/api/conversations/:param/games',
      param: conversationParam,
      body: startGameBodySchema,
      onValid: (auth, param) => notYours(auth, param === room.id),
    },
    aMessageChange('edit', 'PATCH', '/api/messages/:param', editMessageBodySchema),
    aMessageChange('delete', 'DELETE', '/api/messages/:param'),
    aMessageChange('pin', 'PUT', '/api/messages/:param/pin'),
    aMessageChange('unpin', 'DELETE', '/api/messages/:param/pin'),
    aMessageChange('react', 'PUT', '/api/messages/:param/reactions/%F0%9F%91%8D'),
    aMessageChange('unreact', 'DELETE', '/api/messages/:param/reactions/%F0%9F%91%8D'),
    aMessageChange('move', 'POST', '/api/messages/:param/moves', gameMoveBodySchema),
    {
      name: 'edit room',
      method: 'PATCH',
      level: 'user',
      path: '/api/rooms/:param',
      param: slugParam,
      body: updateRoomBodySchema,
      storedFields: ['name', 'topic'],
      onValid: () => e(404, 'NOT_FOUND'),
    },
    {
      name: 'archive room',
      method: 'POST',
      level: 'user',
      path: '/api/rooms/:param/archive',
      param: slugParam,
      onValid: () => e(404, 'NOT_FOUND'),
    },
    {
      name: 'read',
      method: 'POST',
      level: 'user',
      path: '/api/conversations/:param/read',
      param: conversationParam,
      body: readBodySchema,
      onValid: (_auth, param) => (param === room.id ? e(403, 'FORBIDDEN') : e(404, 'NOT_FOUND')),
    },
  ];
}

/** Text that is not well-formed UTF-16 cannot be stored as sent: VALIDATION wherever it is. */
function hasUnpairedSurrogate(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return /[\ud800-\udfff]/u.test(value);
  if (depth > 8 || value === null || typeof value !== 'object') return false;
  return Object.values(value).some((v) => hasUnpairedSurrogate(v, depth + 1));
}

/** Lone surrogates cannot be percent-encoded: a URL carries U+FFFD in their place. */
const withoutLoneSurrogates = (text: string) => text.replace(/[\ud800-\udfff]/gu, '\ufffd');

type BodyClass =
  'none' | 'json' | 'bad-json' | 'too-large' | 'not-json' | 'bad-charset' | 'bad-encoding';

function generateCases(rng: Rng, endpoints: Endpoint[]): Case[] {
  const cases: Case[] = [];
  const auths: Auth[] = ['visitor', 'user', 'guest', 'expired', 'forged', 'malformed'];
  for (let attempts = 0; cases.length < CASES && attempts < CASES * 50; attempts++) {
    const endpoint = rng.pick(endpoints);
    const auth: Auth = rng.chance(0.25)
      ? rng.pick(auths)
      : endpoint.level === 'user'
        ? 'user'
        : rng.pick(['visitor', 'user', 'guest'] as const);
    const headers: Record<string, string> = { 'x-fuzz-auth': auth };
    const notes: string[] = [auth];

    // The path parameter: usually a bad or unknown value, sometimes a real conversation.
    let param: string | undefined;
    if (endpoint.param) {
      const choice = rng.int(0, 5);
      if (choice === 0) param = endpoint.param.unknown(rng);
      else if (choice === 1 && endpoint.param.known) param = rng.pick(endpoint.param.known);
      else if (choice === 2) param = hugeString(rng, rng.int(100, 3000));
      else param = String(rng.chance(0.7) ? rng.pick(NASTY_STRINGS) : junkValue(rng));
      param = withoutLoneSurrogates(param);
      // An empty or dot segment is another route (or none): not this endpoint's case.
      if (param === '' || param === '.' || param === '..') continue;
      notes.push(`param ${JSON.stringify(param).slice(0, 40)}`);
    }

    // The query string, where the endpoint reads one.
    const query: Record<string, string | string[]> = {};
    const search = new URLSearchParams();
    if (endpoint.query && rng.chance(0.8)) {
      const keys =
        endpoint.name === 'history'
          ? ['before', 'after', 'limit']
          : endpoint.name === 'changes'
            ? ['after', 'limit']
            : endpoint.name === 'rooms'
              ? ['q', 'limit', 'cursor', 'sort', 'mine']
              : ['q', 'limit', 'cursor'];
      for (const key of [...keys, 'bogus']) {
        if (!rng.chance(key === 'bogus' ? 0.1 : 0.45)) continue;
        const value = withoutLoneSurrogates(
          rng.pick([
            () => String(rng.pick(NASTY_NUMBERS)),
            () => String(rng.int(-5, 150)),
            () => rng.pick(NASTY_STRINGS),
            () => hugeString(rng, 600),
            () => '',
          ])(),
        );
        query[key] = rng.chance(0.1) ? [value, '1'] : value;
        for (const v of [query[key]].flat()) search.append(key, v);
      }
      if (search.size) notes.push(`?${search.toString().slice(0, 60)}`);
    }

    // The body and its content type.
    // A method no route of the API has (PUT and PATCH now have routes of their own).
    const method = rng.chance(0.03) ? 'PROPFIND' : endpoint.method;
    const sendsBody = method !== 'GET' && method !== 'DELETE';
    let body: string | undefined;
    let parsedBody: unknown;
    let bodyClass: BodyClass = 'none';
    if (sendsBody && (endpoint.method !== 'GET' || rng.chance(0.5))) {
      const kind = rng.int(0, 19);
      if (kind === 0) {
        bodyClass = 'too-large';
        body = JSON.stringify({
          body: 'x'.repeat(rng.int(BODY_LIMIT_BYTES + 10, BODY_LIMIT_BYTES * 3)),
        });
        headers['content-type'] = 'application/json';
      } else if (kind <= 2) {
        bodyClass = 'bad-json';
        body = rng.pick([
          '{',
          '{"a":}',
          '[1,]',
          "{'a':1}",
          'NaN',
          '{"a":1}}',
          '"just a string"',
          '42',
          'null',
          'true',
          '\u0000',
          '{"a":"\\ud8',
          '{"a":"\\x41"}',
          '<xml/>',
        ]);
        headers['content-type'] = 'application/json';
      } else if (kind === 3) {
        bodyClass = 'not-json';
        body = rng.pick([
          'name=x&topic=y',
          '<room><name>x</name></room>',
          '--b\r\n\r\n--b--',
          'plain',
        ]);
        headers['content-type'] = rng.pick([
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=b',
          'application/xml',
          'application/octet-stream',
        ]);
      } else if (kind === 4) {
        bodyClass = 'bad-charset';
        body = '{}';
        headers['content-type'] = rng.pick([
          'application/json; charset=koi8-r',
          'application/json; charset=nonsense',
          'application/json; charset=latin1',
        ]);
      } else if (kind === 5) {
        bodyClass = 'bad-encoding';
        body = '{"name":"not compressed"}';
        headers['content-type'] = 'application/json';
        headers['content-encoding'] = rng.pick(['gzip', 'deflate', 'x-nonsense']);
      } else if (kind === 6) {
        // Nesting deeper than JSON.stringify manages here, written out directly (under 64 KiB).
        const array = rng.chance(0.5);
        const depth = rng.int(1000, array ? 30_000 : 10_000);
        body = array
          ? `${'['.repeat(depth)}${']'.repeat(depth)}`
          : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
        // Only its top level matters to the (strict) schemas: an array, or an object with key "a".
        parsedBody = body.startsWith('[') ? [] : { a: 1 };
        bodyClass = 'json';
        headers['content-type'] = 'application/json';
      } else {
        body = JSON.stringify(fuzzBody(rng, endpoint));
        parsedBody = JSON.parse(body); // what the server will see
        // express.json is strict: a body that is not an object or an array is malformed.
        const strict = typeof parsedBody === 'object' && parsedBody !== null;
        bodyClass =
          Buffer.byteLength(body) > BODY_LIMIT_BYTES ? 'too-large' : strict ? 'json' : 'bad-json';
        headers['content-type'] = rng.pick([
          'application/json',
          'application/json; charset=utf-8',
          'APPLICATION/JSON',
        ]);
      }
      notes.push(`${bodyClass} ${JSON.stringify(body.slice(0, 40))}`);
    }
    if ((endpoint.name === 'refresh' || endpoint.name === 'logout') && rng.chance(0.5)) {
      headers.cookie = `rt=${encodeURIComponent(withoutLoneSurrogates(rng.pick(NASTY_STRINGS)) || 'x')}`;
    }

    const unknownRoute = rng.chance(0.03);
    const path = unknownRoute
      ? `/api/${encodeURIComponent(withoutLoneSurrogates(rng.pick(NASTY_STRINGS)) || 'nothing')}/here`
      : endpoint.path.replace(':param', encodeURIComponent(param ?? ''));
    const contentEncoding = headers['content-encoding'];
    const expected = expectedFor({
      endpoint,
      auth,
      method,
      unknownRoute,
      param,
      query,
      bodyClass,
      contentEncoding,
      parsedBody,
    });
    if (expected === null) continue; // would succeed: not a malformed request
    cases.push({
      index: cases.length,
      label: `${method} ${endpoint.name} [${notes.join('; ')}]`,
      method,
      path: `${path}${search.size ? `?${search.toString()}` : ''}`,
      headers,
      body,
      expected,
    });
  }
  return cases;
}

/**
 * The contract's answer, in the order the server meets a request: body parsing, routing, the
 * access guard, params, query, body, then the endpoint itself.
 */
function expectedFor(r: {
  endpoint: Endpoint;
  auth: Auth;
  method: string;
  unknownRoute: boolean;
  param: string | undefined;
  query: Record<string, unknown>;
  bodyClass: BodyClass;
  contentEncoding?: string;
  parsedBody: unknown;
}): Expected | null {
  if (r.bodyClass === 'too-large') return e(413, 'PAYLOAD_TOO_LARGE');
  if (r.bodyClass === 'bad-json') return e(400, 'VALIDATION');
  // A charset or content encoding body-parser cannot read: 415, a client error like the others.
  if (r.bodyClass === 'bad-charset') return e(415, 'VALIDATION');
  if (r.bodyClass === 'bad-encoding') {
    // gzip or deflate that does not inflate is a malformed body; an unknown coding is a 415.
    return r.contentEncoding === 'x-nonsense' ? e(415, 'VALIDATION') : e(400, 'VALIDATION');
  }
  if (r.unknownRoute || r.method !== r.endpoint.method) return e(404, 'NOT_FOUND');

  const { level } = r.endpoint;
  if (level !== 'no-token') {
    if (r.auth === 'malformed' || r.auth === 'forged') return e(401, 'UNAUTHORIZED');
    if (r.auth === 'expired') return e(401, 'TOKEN_EXPIRED');
    if ((level === 'user' || level === 'guest') && r.auth === 'visitor') {
      return e(401, 'UNAUTHORIZED');
    }
    if (level === 'user' && r.auth === 'guest') return e(403, 'FORBIDDEN');
  }
  const checks: Array<[ZodType | undefined, unknown]> = [
    [r.endpoint.param?.schema, r.endpoint.param ? { [r.endpoint.param.key]: r.param } : undefined],
    [r.endpoint.query, r.query],
    [r.endpoint.body, r.bodyClass === 'json' ? r.parsedBody : undefined],
  ];
  for (const [schema, value] of checks) {
    if (!schema) continue;
    const parsed = schema.safeParse(value);
    if (!parsed.success || hasUnpairedSurrogate(parsed.data)) return e(400, 'VALIDATION');
    // NUL cannot be stored: refused in stored fields; a lookup with one finds nothing.
    const data = parsed.data as Record<string, unknown> | undefined;
    if (r.endpoint.storedFields?.some((field) => String(data?.[field] ?? '').includes('\u0000'))) {
      return e(400, 'VALIDATION');
    }
  }
  return r.endpoint.onValid(r.auth, r.param, r.query);
}

/** A JSON body near the endpoint's schema: right keys with wrong values, extra keys, junk. */
function fuzzBody(rng: Rng, endpoint: Endpoint): unknown {
  const fields: Record<string, string[]> = {
    signup: ['username', 'password', 'displayName'],
    login: ['username', 'password'],
    guest: ['nickname'],
    'edit me': ['displayName', 'bio', 'avatarColor', 'location'],
    'create room': ['name', 'topic'],
    'open thread': ['userId'],
    read: ['seq'],
    send: ['clientMsgId', 'body', 'replyToId'],
    'start game': ['x', 'o', 'clientMsgId'],
    edit: ['body'],
    move: ['cell'],
    'edit room': ['name', 'topic'],
  };
  const keys = fields[endpoint.name] ?? ['anything'];
  if (rng.chance(0.15)) return junkValue(rng);
  if (rng.chance(0.05)) return deepJson(rng.int(100, 1000), rng.pick(['array', 'object'] as const));
  const body: Record<string, unknown> = {};
  for (const key of keys) {
    if (rng.chance(0.2)) continue;
    body[key] = rng.pick([
      () => rng.pick(NASTY_STRINGS),
      () => `${rng.pick(['ok_name', 'Room', 'a'])}${rng.pick(NASTY_STRINGS)}`,
      () => hugeString(rng, rng.int(100, 20_000)),
      () => junkValue(rng),
      () => rng.pick(NASTY_NUMBERS),
      () => rng.uuid(),
      () => rng.int(0, 5),
      () => 'valid-ish_name',
    ])();
  }
  if (rng.chance(0.1))
    body[rng.pick(['extra', '__proto__', 'constructor', 'isAdmin'])] = junkValue(rng);
  return body;
}
