import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { ConversationList } from '@chat/contracts';
import { createRoom, history, sendMessage } from './factories/conversations.js';
import { signUp } from './factories/users.js';
import { queryDatabase } from './support/test-database.js';
import { useTestApp } from './support/use-test-app.js';

/** Every page of GET /api/rooms with `query`, following nextCursor. */
async function allPages(app: ReturnType<typeof useTestApp>, query: string, token?: string) {
  const pages: ConversationList[] = [];
  let cursor: string | null = null;
  do {
    const suffix: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const res: { status: number; body: ConversationList } = await app.http.get<ConversationList>(
      `/api/rooms?${query}${suffix}`,
      {
        ...(token ? { token } : {}),
      },
    );
    expect(res.status).toBe(200);
    pages.push(res.body);
    cursor = res.body.nextCursor;
  } while (cursor && pages.length < 100);
  return pages;
}

describe('GET /api/rooms: a cursor-paginated list', () => {
  const app = useTestApp();

  it('pages through every room exactly once, by activity and by name, general first', async () => {
    const owner = await signUp(app.http);
    const tag = `pg${Date.now().toString(36)}`;
    const names = ['Delta', 'alpha', 'Charlie', 'bravo', 'Echo'].map((n) => `${tag} ${n}`);
    const rooms = [];
    for (const name of names) rooms.push(await createRoom(app.http, owner.accessToken, name));
    // Activity: a message in "Charlie" makes it the most recent.
    const socket = await app.connect(owner.accessToken);
    await socket.call('conversation:join', { conversationId: rooms[2]!.id });
    await sendMessage(socket, rooms[2]!.id, 'hello');

    const byActivity = await allPages(app, `q=${tag}&limit=2`);
    expect(byActivity.map((p) => p.items.length)).toEqual([2, 2, 1]);
    const activityOrder = byActivity.flatMap((p) => p.items.map((c) => c.name));
    expect(activityOrder[0]).toBe(`${tag} Charlie`);
    expect(new Set(activityOrder).size).toBe(5);

    const byName = await allPages(app, `q=${tag}&sort=name&limit=2`);
    expect(byName.flatMap((p) => p.items.map((c) => c.name))).toEqual(
      ['alpha', 'bravo', 'Charlie', 'Delta', 'Echo'].map((n) => `${tag} ${n}`),
    );

    const first = await app.http.get<ConversationList>('/api/rooms?limit=1');
    expect(first.body.items[0]!.kind).toBe('general');
    const second = await app.http.get<ConversationList>(
      `/api/rooms?limit=1&cursor=${encodeURIComponent(first.body.nextCursor!)}`,
    );
    expect(second.body.items.map((c) => c.kind)).toEqual(['room']);
  });

  it('counts a member online anywhere as online in the room (the owner on another page)', async () => {
    const owner = await signUp(app.http);
    const room = await createRoom(app.http, owner.accessToken, `Owl ${randomUUID().slice(0, 8)}`);
    const onlineIn = async () =>
      (
        await app.http.get<ConversationList>(`/api/rooms?q=${encodeURIComponent(room.name)}`)
      ).body.items.find((item) => item.id === room.id)?.onlineCount;
    expect(await onlineIn()).toBe(0);
    // Connected, but the room is not open.
    const socket = await app.connect(owner.accessToken);
    await socket.roundTrip();
    expect(await onlineIn()).toBe(1);
    socket.close();
    const deadline = Date.now() + 5000;
    while ((await onlineIn()) !== 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await onlineIn()).toBe(0);
  });

  it('mine=true lists only the rooms the caller belongs to, without general', async () => {
    const owner = await signUp(app.http);
    const member = await signUp(app.http);
    const tag = `mine${Date.now().toString(36)}`;
    const joined = await createRoom(app.http, owner.accessToken, `${tag} joined`);
    await createRoom(app.http, owner.accessToken, `${tag} not joined`);
    await app.http.post(`/api/rooms/${joined.slug}/join`, undefined, { token: member.accessToken });
    const res = await app.http.get<ConversationList>('/api/rooms?mine=true', {
      token: member.accessToken,
    });
    expect(res.body.items.map((c) => c.id)).toEqual([joined.id]);
    expect(res.body.items[0]!.isMember).toBe(true);
    expect((await app.http.get('/api/rooms?mine=true')).status).toBe(401);
  });

  it('searches names literally: % and _ match only themselves', async () => {
    const owner = await signUp(app.http);
    await createRoom(app.http, owner.accessToken, `Percent 100% ${Date.now()}`);
    const res = await app.http.get<ConversationList>('/api/rooms?q=100%25');
    expect(res.body.items.map((c) => c.name)).toEqual([expect.stringContaining('100%')]);
    const none = await app.http.get<ConversationList>('/api/rooms?q=_');
    expect(none.body.items.every((c) => c.name.includes('_'))).toBe(true);
  });

  it('refuses a cursor it did not make, or one made for another sort, as VALIDATION', async () => {
    for (const cursor of ['nope', Buffer.from('["name","x","1"]').toString('base64url')]) {
      const res = await app.http.get(`/api/rooms?cursor=${cursor}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION', details: [{ path: 'cursor' }] });
    }
    const page = await app.http.get<ConversationList>('/api/rooms?limit=1&sort=name');
    const other = await app.http.get(
      `/api/rooms?sort=activity&cursor=${encodeURIComponent(page.body.nextCursor!)}`,
    );
    expect(other.status).toBe(400);
  });

  it('still answers past 65,535 rooms (no query binds one parameter per room)', async () => {
    await queryDatabase(
      app.database.url,
      `INSERT INTO conversations (kind, slug, name)
       SELECT 'room', 'bulk-' || n, 'Bulk ' || n FROM generate_series(1, 70000) AS n`,
    );
    const res = await app.http.get<ConversationList>('/api/rooms?limit=100');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(101); // general and a page of 100
    expect(res.body.nextCursor).toEqual(expect.any(String));
    const search = await app.http.get<ConversationList>('/api/rooms?q=Bulk 69999');
    expect(search.body.items.map((c) => c.slug)).toEqual(['bulk-69999']);
  }, 60_000);
});

describe('DELETE /api/rooms/:slug', () => {
  const app = useTestApp();

  it('lets the owner delete a room with its history; others get 403, then everyone 404', async () => {
    const owner = await signUp(app.http);
    const member = await signUp(app.http);
    const room = await createRoom(app.http, owner.accessToken, `Doomed ${Date.now()}`);
    await app.http.post(`/api/rooms/${room.slug}/join`, undefined, { token: member.accessToken });
    const memberSocket = await app.connect(member.accessToken);
    await memberSocket.call('conversation:join', { conversationId: room.id });

    const refused = await app.http.delete(`/api/rooms/${room.slug}`, {
      token: member.accessToken,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');

    const deleted = await app.http.delete(`/api/rooms/${room.slug}`, { token: owner.accessToken });
    expect(deleted.status).toBe(204);
    expect(
      (await app.http.get(`/api/rooms/${room.slug}`, { token: owner.accessToken })).status,
    ).toBe(404);
    expect((await history(app.http, room.id, owner.accessToken)).status).toBe(404);
    const send = await memberSocket.call('message:send', {
      conversationId: room.id,
      clientMsgId: randomUUID(),
      body: 'anyone there?',
    });
    expect(send).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await app.messagesIn(room.id)).toEqual([]);
  });
});
