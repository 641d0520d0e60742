import type { ApiErrorBody, FieldError, Message, SearchResult } from '@chat/contracts';
import { describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { READABLE_BY_USER_SQL } from '../src/modules/conversations/index.js';
import { HEADLINE_OPTIONS, searchSql } from '../src/modules/messages/index.js';
import {
  createRoom,
  generalConversation,
  joinRoom,
  openThread,
} from './factories/conversations.js';
import { signInAsGuest, signUp, type SignedUpUser } from './factories/users.js';
import type { HttpClient } from './support/http-client.js';
import { useTestApp } from './support/use-test-app.js';

/** A word no other test (or message) holds: lowercase letters only, one token to the parser. */
const word = () =>
  `w${[...randomBytes(8)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;

type Answer = SearchResult & Partial<ApiErrorBody>;

function searcher(http: HttpClient) {
  return (token: string, params: Record<string, string | number>) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) query.set(key, String(value));
    return http.get<Answer>(`/api/search?${query.toString()}`, { token });
  };
}

async function post(http: HttpClient, token: string, conversationId: string, body: string) {
  const res = await http.post<Message>(
    `/api/conversations/${conversationId}/messages`,
    { clientMsgId: randomUUID(), body },
    { token },
  );
  if (res.status !== 201) throw new Error(`post failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The highlighted pieces of each hit's body, as a person would read them. */
const marked = (result: SearchResult) =>
  result.items.map(({ message, highlights }) =>
    highlights.map(([start, end]) => message.body.slice(start, end)),
  );

describe('search', () => {
  const app = useTestApp({ RATE_LIMIT_USER_SENDS_PER_10S: '10000' });
  const search = (token: string, params: Record<string, string | number>) =>
    searcher(app.http)(token, params);

  it('finds a message by a word, any case, with exact highlights and its conversation', async () => {
    const ann = await signUp(app.http);
    const general = await generalConversation(app.http);
    const w = word();
    const sent = await post(
      app.http,
      ann.accessToken,
      general.id,
      `😀 Ünïcode first: ${w.toUpperCase()}, then ${w}-suffix and 𝒳 ${w}`,
    );
    await post(app.http, ann.accessToken, general.id, 'nothing to see here');

    const res = await search(ann.accessToken, { q: w.toUpperCase() });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    const [hit] = res.body.items;
    expect(hit!.message).toEqual(sent);
    expect(hit!.conversation).toEqual({
      id: general.id,
      kind: 'general',
      name: 'General',
      slug: 'general',
    });
    // Ranges are JavaScript string indices: right after an emoji and an astral letter too.
    expect(marked(res.body)).toEqual([[w.toUpperCase(), w, w]]);
    const body = sent.body;
    expect(hit!.highlights[0]).toEqual([
      body.indexOf(w.toUpperCase()),
      body.indexOf(w.toUpperCase()) + w.length,
    ]);
    expect(hit!.highlights[2]).toEqual([body.lastIndexOf(w), body.length]);
    expect(res.body.nextCursor).toBeNull();

    // The body is text, not HTML, and may hold any character, even ones the server marks with.
    const odd = await post(app.http, ann.accessToken, general.id, `<b>${w}</b> \uE000\uE001 &amp;`);
    const again = await search(ann.accessToken, { q: w });
    expect(again.body.items[0]!.message.body).toBe(odd.body);
    expect(again.body.items[0]!.highlights).toEqual([[3, 3 + w.length]]);
  });

  it('the simple configuration: no stemming, no stop words, non-Latin words, phrases, or, -word', async () => {
    const ann = await signUp(app.http);
    const { id } = await createRoom(app.http, ann.accessToken, `Search ${word()}`);
    const tag = word();
    const running = await post(app.http, ann.accessToken, id, `${tag} running late`);
    const the = await post(app.http, ann.accessToken, id, `${tag} the who`);
    const russian = await post(app.http, ann.accessToken, id, `${tag} Привет МИР`);
    const phrase = await post(app.http, ann.accessToken, id, `${tag} green apple pie`);
    const reversed = await post(app.http, ann.accessToken, id, `${tag} apple green`);
    const ids = async (q: string) =>
      (await search(ann.accessToken, { q, conversationId: id })).body.items.map(
        (h) => h.message.id,
      );

    expect(await ids(`${tag} run`)).toEqual([]); // no stemming: "run" is not "running"
    expect(await ids(`${tag} running`)).toEqual([running.id]);
    expect(await ids(`${tag} the`)).toEqual([the.id]); // no stop words: "the" is a word
    expect(await ids('the who')).toEqual([the.id]);
    expect(await ids(`${tag} мир`)).toEqual([russian.id]); // lowercased beyond ASCII
    expect(await ids(`"green apple"`)).toEqual([phrase.id]);
    expect(await ids(`${tag} green apple`)).toEqual([reversed.id, phrase.id]); // newest first
    expect(await ids(`${tag} green -pie`)).toEqual([reversed.id]);
    expect(await ids(`привет or running`)).toEqual([russian.id, running.id]);
    const highlighted = await search(ann.accessToken, { q: 'привет', conversationId: id });
    expect(marked(highlighted.body)).toEqual([['Привет']]);
  });

  it('only what the caller can read: not another pair’s thread, not a room they are not in, not after a ban', async () => {
    const [ann, bob, cat] = [
      await signUp(app.http),
      await signUp(app.http),
      await signUp(app.http),
    ];
    const w = word();
    const thread = await openThread(app.http, ann.accessToken, bob.user.id);
    await post(app.http, ann.accessToken, thread.id, `in the thread ${w}`);
    const room = await createRoom(app.http, ann.accessToken, `Private-ish ${word()}`);
    await post(app.http, ann.accessToken, room.id, `in the room ${w}`);
    const kinds = async (user: SignedUpUser) =>
      (await search(user.accessToken, { q: w })).body.items.map((h) => h.conversation.kind);

    expect(await kinds(ann)).toEqual(['room', 'direct']);
    expect(await kinds(bob)).toEqual(['direct']);
    expect(await kinds(cat)).toEqual([]);
    const bobs = await search(bob.accessToken, { q: w });
    expect(bobs.body.items[0]!.conversation).toEqual({
      id: thread.id,
      kind: 'direct',
      name: ann.user.displayName,
      username: ann.user.username,
    });

    // Asking for a conversation one cannot read is asking for one that does not exist.
    for (const conversationId of [thread.id, room.id, randomUUID()]) {
      const res = await search(cat.accessToken, { q: w, conversationId });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }

    await joinRoom(app.http, cat.accessToken, room.slug!);
    expect(await kinds(cat)).toEqual(['room']);
    expect((await search(cat.accessToken, { q: w, conversationId: room.id })).status).toBe(200);
    const ban = await app.http.put(`/api/rooms/${room.slug}/bans/${cat.user.id}`, undefined, {
      token: ann.accessToken,
    });
    expect(ban.status).toBe(204);
    expect(await kinds(cat)).toEqual([]);
    expect((await search(cat.accessToken, { q: w, conversationId: room.id })).status).toBe(404);
  });

  it('a group is named by its people when it has no name', async () => {
    const [ann, bob, cat] = [
      await signUp(app.http),
      await signUp(app.http),
      await signUp(app.http),
    ];
    const created = await app.http.post<{ id: string }>(
      '/api/groups',
      { userIds: [bob.user.id, cat.user.id] },
      { token: ann.accessToken },
    );
    expect(created.status).toBe(201);
    const w = word();
    await post(app.http, bob.accessToken, created.body.id, `group talk ${w}`);
    const res = await search(ann.accessToken, { q: w });
    expect(res.body.items.map((h) => h.conversation)).toEqual([
      {
        id: created.body.id,
        kind: 'group',
        name: expect.stringContaining(bob.user.displayName),
      },
    ]);
    expect(res.body.items[0]!.conversation.name).toContain(cat.user.displayName);
    expect((await search((await signUp(app.http)).accessToken, { q: w })).body.items).toEqual([]);
  });

  it('an edit changes what matches; a deleted message and system lines never match', async () => {
    const ann = await signUp(app.http);
    const room = await createRoom(app.http, ann.accessToken, `Edits ${word()}`);
    const [before, after] = [word(), word()];
    const sent = await post(app.http, ann.accessToken, room.id, `first ${before}`);
    const edited = await app.http.patch<Message>(
      `/api/messages/${sent.id}`,
      { body: `then ${after}` },
      { token: ann.accessToken },
    );
    expect(edited.status).toBe(200);
    expect((await search(ann.accessToken, { q: before })).body.items).toEqual([]);
    const found = await search(ann.accessToken, { q: after });
    expect(found.body.items.map((h) => h.message)).toEqual([edited.body]);
    expect(found.body.items[0]!.message.editedAt).not.toBeNull();

    const removed = await app.http.delete(`/api/messages/${sent.id}`, { token: ann.accessToken });
    expect(removed.status).toBe(200);
    expect((await search(ann.accessToken, { q: after })).body.items).toEqual([]);

    // "<name> joined" is a system line: the joiner's unique name finds nothing.
    const name = word();
    const joiner = await signUp(app.http, { displayName: name });
    await joinRoom(app.http, joiner.accessToken, room.slug!);
    const lines = await app.messagesIn(room.id, ['kind', 'body']);
    expect(lines).toContainEqual({ kind: 'system', body: expect.stringContaining(name) });
    expect((await search(ann.accessToken, { q: name })).body.items).toEqual([]);
  });

  it('pages newest first with an opaque cursor: no duplicates, no gaps, new messages do not shift pages', async () => {
    const ann = await signUp(app.http);
    const room = await createRoom(app.http, ann.accessToken, `Pages ${word()}`);
    const w = word();
    const sent: Message[] = [];
    for (let i = 0; i < 25; i++)
      sent.push(await post(app.http, ann.accessToken, room.id, `${w} ${i}`));
    const expected = sent.map((m) => m.id).reverse();

    const seen: string[] = [];
    let cursor: string | null | undefined;
    const sizes: number[] = [];
    do {
      const res = await search(ann.accessToken, { q: w, limit: 10, ...(cursor ? { cursor } : {}) });
      expect(res.status).toBe(200);
      sizes.push(res.body.items.length);
      seen.push(...res.body.items.map((h) => h.message.id));
      cursor = res.body.nextCursor;
      // A message posted meanwhile is newer than every page still to come.
      if (sizes.length === 1) await post(app.http, ann.accessToken, room.id, `${w} late`);
    } while (cursor);
    expect(sizes).toEqual([10, 10, 5]);
    expect(seen).toEqual(expected);

    const exact = await search(ann.accessToken, { q: w, limit: 26 });
    expect(exact.body.items).toHaveLength(26);
    expect(exact.body.nextCursor).toBeNull();
    expect((await search(ann.accessToken, { q: w })).body.items).toHaveLength(20); // the default
    expect((await search(ann.accessToken, { q: w, limit: 50 })).body.items).toHaveLength(26);
  });

  it('bad input is VALIDATION, whatever PostgreSQL would make of it; never a 500', async () => {
    const ann = await signUp(app.http);
    const expectInvalid = async (params: Record<string, string | number>, path: string) => {
      const res = await search(ann.accessToken, params);
      expect({ params, status: res.status, code: res.body.code }).toEqual({
        params,
        status: 400,
        code: 'VALIDATION',
      });
      expect((res.body.details as FieldError[] | undefined)?.map((d) => d.path)).toContain(path);
    };
    await expectInvalid({ q: '' }, 'q');
    await expectInvalid({ q: 'x'.repeat(201) }, 'q');
    await expectInvalid({ q: 'nul\u0000byte' }, 'q');
    await expectInvalid({ q: 'ok', limit: 0 }, 'limit');
    await expectInvalid({ q: 'ok', limit: 51 }, 'limit');
    await expectInvalid({ q: 'ok', limit: 'many' }, 'limit');
    await expectInvalid({ q: 'ok', conversationId: 'general' }, 'conversationId');
    await expectInvalid({ q: 'ok', cursor: 'not-a-cursor' }, 'cursor');
    await expectInvalid(
      { q: 'ok', cursor: Buffer.from('["1; DROP"]').toString('base64url') },
      'cursor',
    );
    await expectInvalid({ q: 'ok', sort: 'oldest' }, '(root)'); // an unknown parameter
    // Text with no word in it: an empty tsquery would quietly match nothing.
    for (const q of ['"', '!', '&|', ':*', '-', '()', '<->', '  ', "'\"'", '!!! ???', '\\'])
      await expectInvalid({ q }, 'q');
    // Odd but with words in it: answered, not refused.
    for (const q of [
      'a:*',
      'foo & bar | !baz',
      '"unterminated',
      'or',
      '-or',
      'x'.repeat(200),
      "it's",
      'a <-> b',
    ]) {
      const res = await search(ann.accessToken, { q });
      expect({ q, status: res.status }).toEqual({ q, status: 200 });
    }
  });

  it('is for signed-in users: a visitor gets 401, a guest 403', async () => {
    expect((await app.http.get('/api/search?q=hello')).status).toBe(401);
    const guest = await signInAsGuest(app.http);
    const res = await search(guest.accessToken, { q: 'hello' });
    expect(res.status).toBe(403);
  });

  it('the query uses the GIN index on search_vector', async () => {
    const ann = await signUp(app.http);
    const w = word();
    const general = await generalConversation(app.http);
    await post(app.http, ann.accessToken, general.id, `indexed ${w}`);
    const client = new pg.Client({ connectionString: app.database.url });
    await client.connect();
    try {
      await client.query('ANALYZE messages');
      // The table is tiny, so a sequential scan (or walking the primary key) would be cheaper:
      // take those away and the plan left must be the index, which it can only be if the
      // query's expression is the column's (an unconfigured to_tsvector(body) is not).
      await client.query('SET enable_seqscan = off');
      await client.query('SET enable_indexscan = off');
      const plan = await client.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN ${searchSql(READABLE_BY_USER_SQL)}`,
        [ann.user.id, w, null, null, 21, HEADLINE_OPTIONS],
      );
      const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(text).toMatch(/Bitmap Index Scan on messages_search_idx/);
      const found = await client.query(searchSql(READABLE_BY_USER_SQL), [
        ann.user.id,
        w,
        null,
        null,
        21,
        HEADLINE_OPTIONS,
      ]);
      expect(found.rows).toHaveLength(1);
    } finally {
      await client.end();
    }
  });
});

describe('search rate limit', () => {
  const app = useTestApp({ RATE_LIMIT_SEARCH_PER_MIN: '30' });

  it('30 searches per minute per user, then RATE_LIMITED with retryAfterMs; others unaffected', async () => {
    const [ann, bob] = [await signUp(app.http), await signUp(app.http)];
    const search = searcher(app.http);
    for (let i = 0; i < 30; i++)
      expect((await search(ann.accessToken, { q: `hello${i}` })).status).toBe(200);
    const refused = await search(ann.accessToken, { q: 'hello' });
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    expect(refused.body.details).toMatchObject({ retryAfterMs: expect.any(Number) });
    expect((await search(bob.accessToken, { q: 'hello' })).status).toBe(200);
  });
});
