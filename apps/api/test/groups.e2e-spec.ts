import type { ApiErrorBody, Conversation, Message, ThreadList } from '@chat/contracts';
import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  history,
  joinConversation as join,
  openThread,
  sendMessage,
} from './factories/conversations.js';
import { signUp, type SignedUpUser } from './factories/users.js';
import { queryDatabase } from './support/test-database.js';
import { useTestApp } from './support/use-test-app.js';

/** Group conversations: private, 3–50 people, any member adds, renames or leaves. */
describe('groups', () => {
  const app = useTestApp();
  const { connect } = app;
  const as = (user: SignedUpUser) => ({ token: user.accessToken });
  const create = (by: SignedUpUser, userIds: string[], name?: string) =>
    app.http.post<Conversation & Partial<ApiErrorBody>>(
      '/api/groups',
      { userIds, ...(name ? { name } : {}) },
      as(by),
    );
  const people = async (n: number) =>
    Promise.all(Array.from({ length: n }, () => signUp(app.http)));

  it('three people: 201 Conversation; members post, mention and pin; GET /api/threads lists it with kind and members', async () => {
    const [ann, bob, cat] = await people(3);
    const created = await create(ann!, [bob!.user.id, cat!.user.id], 'Trip');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'group', name: 'Trip', memberCount: 3 });
    const group = created.body;
    const [annSocket, catSocket] = await Promise.all([
      connect(ann!.accessToken),
      connect(cat!.accessToken),
    ]);
    await Promise.all([join(annSocket, group.id), join(catSocket, group.id)]);
    const sent = await sendMessage(annSocket, group.id, `hi @${cat!.user.username}`);
    expect(sent.mentions).toEqual([cat!.user.id]);
    expect((await catSocket.next('message:new', (m) => m.id === sent.id)).body).toContain('hi');
    const pin = await app.http.put<Message>(`/api/messages/${sent.id}/pin`, undefined, as(bob!));
    expect(pin.body.pinned).toBe(true);

    const threads = await app.http.get<ThreadList>('/api/threads', as(cat!));
    const listed = threads.body.items.find((t) => t.id === group.id);
    expect(listed).toMatchObject({
      kind: 'group',
      otherUser: null,
      name: 'Trip',
      unread: 1,
      mentionCount: 1,
    });
    expect(listed!.members.map((u) => u.id).sort()).toEqual(
      [ann!.user.id, bob!.user.id, cat!.user.id].sort(),
    );
    // Direct threads keep every v1 field, with the new ones.
    const direct = await openThread(app.http, ann!.accessToken, bob!.user.id);
    expect(direct).toMatchObject({ kind: 'direct', otherUser: { id: bob!.user.id } });
  });

  it('a group of 2 or of 51 is VALIDATION; an unknown user is NOT_FOUND', async () => {
    const [ann, bob] = await people(2);
    const two = await create(ann!, [bob!.user.id, ann!.user.id]);
    expect(two.status).toBe(400);
    expect(two.body.code).toBe('VALIDATION');
    const fifty = Array.from({ length: 50 }, () => randomUUID());
    expect((await create(ann!, fifty)).status).toBe(400);
    expect((await create(ann!, [bob!.user.id, randomUUID()])).status).toBe(404);
  });

  it('outsiders get 404 over REST and socket', async () => {
    const [ann, bob, cat, eve] = await people(4);
    const group = (await create(ann!, [bob!.user.id, cat!.user.id])).body;
    expect((await history(app.http, group.id, eve!.accessToken)).status).toBe(404);
    const eveSocket = await connect(eve!.accessToken);
    const joined = await eveSocket.call('conversation:join', { conversationId: group.id });
    expect(joined).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const post = await app.http.post(
      `/api/conversations/${group.id}/messages`,
      { clientMsgId: randomUUID(), body: 'let me in' },
      as(eve!),
    );
    expect(post.status).toBe(404);
    expect(
      (await app.http.post(`/api/groups/${group.id}/members`, { userId: eve!.user.id }, as(eve!)))
        .status,
    ).toBe(404);
    expect(
      (await app.http.patch(`/api/groups/${group.id}`, { name: 'Mine' }, as(eve!))).status,
    ).toBe(404);
  });

  it('any member adds (twice is a no-op) and renames, each a system line; leaving takes the sockets out', async () => {
    const [ann, bob, cat, dan] = await people(4);
    const group = (await create(ann!, [bob!.user.id, cat!.user.id])).body;
    const added = await app.http.post<Conversation>(
      `/api/groups/${group.id}/members`,
      { userId: dan!.user.id },
      as(bob!),
    );
    expect(added.status).toBe(200);
    expect(added.body.memberCount).toBe(4);
    const again = await app.http.post<Conversation>(
      `/api/groups/${group.id}/members`,
      { userId: dan!.user.id },
      as(cat!),
    );
    expect(again.body.memberCount).toBe(4);
    const renamed = await app.http.patch<Conversation>(
      `/api/groups/${group.id}`,
      { name: 'Porto' },
      as(dan!),
    );
    expect(renamed.body.name).toBe('Porto');
    const lines = (await history(app.http, group.id, ann!.accessToken)).body.items
      .filter((m) => m.kind === 'system')
      .map((m) => m.body);
    expect(lines).toEqual([
      `${bob!.user.displayName} added ${dan!.user.displayName}`,
      `${dan!.user.displayName} renamed the group to Porto`,
    ]);

    const danSocket = await connect(dan!.accessToken);
    await join(danSocket, group.id);
    expect((await app.http.delete(`/api/groups/${group.id}/members/me`, as(dan!))).status).toBe(
      204,
    );
    const annSocket = await connect(ann!.accessToken);
    await join(annSocket, group.id);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const seen = danSocket.all('message:new').length;
    await sendMessage(annSocket, group.id, 'after dan left');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(danSocket.all('message:new')).toHaveLength(seen);
    expect((await history(app.http, group.id, dan!.accessToken)).status).toBe(404);
  });

  it('members who do not have the group open get its messages on their personal room; creating and adding send thread:new; the welcome names the group', async () => {
    const [ann, bob, cat, dan] = await people(4);
    const [bobSocket, danSocket] = await Promise.all([
      connect(bob!.accessToken),
      connect(dan!.accessToken),
    ]);
    const group = (await create(ann!, [bob!.user.id, cat!.user.id], 'Trip')).body;
    const announced = await bobSocket.next('thread:new', (p) => p.thread.id === group.id);
    expect(announced.thread).toMatchObject({ kind: 'group', name: 'Trip', unread: 0 });
    expect(announced.thread.members).toHaveLength(3);

    const annSocket = await connect(ann!.accessToken);
    const welcome = annSocket.next('system:notice', (n) => n.conversationId === group.id);
    await join(annSocket, group.id);
    expect((await welcome).text).toBe('Welcome to Trip');

    // Bob never joined the conversation on his socket: the message comes to his personal room.
    const sent = await sendMessage(annSocket, group.id, 'dinner at eight?');
    expect((await bobSocket.next('message:new', (m) => m.id === sent.id)).body).toBe(
      'dinner at eight?',
    );
    const pinned = await app.http.put<Message>(`/api/messages/${sent.id}/pin`, undefined, as(ann!));
    expect(pinned.status).toBe(200);
    const updated = await bobSocket.next('message:updated', (m) => m.id === sent.id);
    expect(updated.pinned).toBe(true);

    await app.http.post(`/api/groups/${group.id}/members`, { userId: dan!.user.id }, as(cat!));
    const added = await danSocket.next('thread:new', (p) => p.thread.id === group.id);
    expect(added.thread.members.map((u) => u.id)).toContain(dan!.user.id);
    const later = await sendMessage(annSocket, group.id, 'dan too');
    expect((await danSocket.next('message:new', (m) => m.id === later.id)).body).toBe('dan too');
  });

  it("leaving tells the leaver's other sockets (conversation:removed)", async () => {
    const [ann, bob, cat] = await people(3);
    const group = (await create(ann!, [bob!.user.id, cat!.user.id])).body;
    const otherTab = await connect(bob!.accessToken);
    expect((await app.http.delete(`/api/groups/${group.id}/members/me`, as(bob!))).status).toBe(
      204,
    );
    expect(
      await otherTab.next('conversation:removed', (p) => p.conversationId === group.id),
    ).toEqual({ conversationId: group.id, reason: 'left' });
  });

  it('the last member leaving deletes the group and its history', async () => {
    const [ann, bob, cat] = await people(3);
    const group = (await create(ann!, [bob!.user.id, cat!.user.id])).body;
    for (const user of [ann!, bob!, cat!])
      expect((await app.http.delete(`/api/groups/${group.id}/members/me`, as(user))).status).toBe(
        204,
      );
    const rows = await queryDatabase(
      app.database.url,
      'SELECT 1 FROM conversations WHERE id = $1',
      [group.id],
    );
    expect(rows).toHaveLength(0);
  });
});
