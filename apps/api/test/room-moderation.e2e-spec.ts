import type {
  ApiErrorBody,
  Conversation,
  Membership,
  Message,
  RoomBanList,
  RoomDetails,
} from '@chat/contracts';
import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import {
  history,
  joinConversation as join,
  joinRoom,
  roomWithMembers,
  sendMessage,
} from './factories/conversations.js';
import { signUp } from './factories/users.js';
import { queryDatabase } from './support/test-database.js';
import { useTestApp } from './support/use-test-app.js';

/** Room roles: the owner sets them; moderators kick, ban, edit, delete others' messages, archive. */
describe('room moderation', () => {
  const app = useTestApp();
  const { connect } = app;
  const as = (token: string) => ({ token });
  const setRole = (slug: string, userId: string, role: string, token: string) =>
    app.http.put<Membership & Partial<ApiErrorBody>>(
      `/api/rooms/${slug}/members/${userId}`,
      { role },
      as(token),
    );
  const systemLines = async (conversationId: string, token: string) =>
    (await history(app.http, conversationId, token)).body.items
      .filter((m) => m.kind === 'system')
      .map((m) => m.body);

  /** A room of an owner, a moderator and two members. */
  async function staffedRoom() {
    const { owner, room, members } = await roomWithMembers(app.http, 3);
    const [moderator, member, other] = members as [
      (typeof members)[0],
      (typeof members)[0],
      (typeof members)[0],
    ];
    expect(
      (await setRole(room.slug!, moderator.user.id, 'moderator', owner.accessToken)).status,
    ).toBe(200);
    return { owner, room, moderator, member, other };
  }

  it('the owner promotes and demotes; myRole shows the caller its role; each is a system line', async () => {
    const { owner, room, moderator, member } = await staffedRoom();
    const details = await app.http.get<RoomDetails>(
      `/api/rooms/${room.slug}`,
      as(moderator.accessToken),
    );
    expect(details.body.myRole).toBe('moderator');
    expect(details.body.members.find((m) => m.user.id === moderator.user.id)?.role).toBe(
      'moderator',
    );
    const mine = await app.http.get<{ items: Conversation[] }>(
      '/api/rooms?mine=true',
      as(member.accessToken),
    );
    expect(mine.body.items.find((c) => c.id === room.id)?.myRole).toBe('member');

    const demoted = await setRole(room.slug!, moderator.user.id, 'member', owner.accessToken);
    expect(demoted.body).toMatchObject({ role: 'member', userId: moderator.user.id });
    const lines = await systemLines(room.id, owner.accessToken);
    expect(lines).toContain(
      `${owner.user.displayName} made ${moderator.user.displayName} a moderator`,
    );
    expect(lines).toContain(
      `${owner.user.displayName} made ${moderator.user.displayName} a member`,
    );
  });

  it('a member or a moderator setting roles is FORBIDDEN; an unknown member is NOT_FOUND; a bad role is VALIDATION', async () => {
    const { owner, room, moderator, member } = await staffedRoom();
    const byMember = await setRole(room.slug!, member.user.id, 'moderator', member.accessToken);
    expect(byMember.status).toBe(403);
    expect(byMember.body.code).toBe('FORBIDDEN');
    expect(
      (await setRole(room.slug!, member.user.id, 'moderator', moderator.accessToken)).status,
    ).toBe(403);
    const stranger = await signUp(app.http);
    expect(
      (await setRole(room.slug!, stranger.user.id, 'moderator', owner.accessToken)).status,
    ).toBe(404);
    expect((await setRole(room.slug!, member.user.id, 'admin', owner.accessToken)).status).toBe(
      400,
    );
  });

  it('handing the room over makes the old owner a moderator; the owner stepping down alone is a CONFLICT', async () => {
    const { owner, room, member } = await staffedRoom();
    const alone = await setRole(room.slug!, owner.user.id, 'member', owner.accessToken);
    expect(alone.status).toBe(409);
    expect(alone.body.code).toBe('CONFLICT');
    const handed = await setRole(room.slug!, member.user.id, 'owner', owner.accessToken);
    expect(handed.body.role).toBe('owner');
    const details = await app.http.get<RoomDetails>(
      `/api/rooms/${room.slug}`,
      as(owner.accessToken),
    );
    expect(details.body.myRole).toBe('moderator');
    // The new owner holds the room now: the old one can no longer set roles.
    expect((await setRole(room.slug!, member.user.id, 'member', owner.accessToken)).status).toBe(
      403,
    );
    expect(await systemLines(room.id, member.accessToken)).toContain(
      `${owner.user.displayName} handed the room over to ${member.user.displayName}`,
    );
  });

  it('a moderator kicks a member: their socket leaves at once, they may rejoin; a member kicking is FORBIDDEN; nobody kicks the owner', async () => {
    const { owner, room, moderator, member, other } = await staffedRoom();
    const memberSocket = await connect(member.accessToken);
    await join(memberSocket, room.id);
    expect(
      (
        await app.http.delete(
          `/api/rooms/${room.slug}/members/${other.user.id}`,
          as(member.accessToken),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await app.http.delete(
          `/api/rooms/${room.slug}/members/${owner.user.id}`,
          as(moderator.accessToken),
        )
      ).status,
    ).toBe(403);

    const kicked = await app.http.delete(
      `/api/rooms/${room.slug}/members/${member.user.id}`,
      as(moderator.accessToken),
    );
    expect(kicked.status).toBe(204);
    // The kicked socket gets nothing more from the room.
    const modSocket = await connect(moderator.accessToken);
    await join(modSocket, room.id);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const after = memberSocket.all('message:new').length;
    await sendMessage(modSocket, room.id, 'after the kick');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(memberSocket.all('message:new')).toHaveLength(after);
    expect((await history(app.http, room.id, member.accessToken)).status).toBe(403);
    expect(await systemLines(room.id, owner.accessToken)).toContain(
      `${moderator.user.displayName} removed ${member.user.displayName} from the room`,
    );
    // A kick is not a ban.
    await joinRoom(app.http, member.accessToken, room.slug!);
    expect(
      (
        await app.http.delete(
          `/api/rooms/${room.slug}/members/${member.user.id}`,
          as(owner.accessToken),
        )
      ).status,
    ).toBe(204);
    expect(
      (
        await app.http.delete(
          `/api/rooms/${room.slug}/members/${member.user.id}`,
          as(owner.accessToken),
        )
      ).status,
    ).toBe(404);
  });

  it('a ban: out at once, FORBIDDEN to rejoin with a clear message, no history; unban lets them back', async () => {
    const { owner, room, moderator, member } = await staffedRoom();
    const memberSocket = await connect(member.accessToken);
    await join(memberSocket, room.id);
    expect(
      (
        await app.http.put(
          `/api/rooms/${room.slug}/bans/${owner.user.id}`,
          undefined,
          as(moderator.accessToken),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await app.http.put(
          `/api/rooms/${room.slug}/bans/${moderator.user.id}`,
          undefined,
          as(member.accessToken),
        )
      ).status,
    ).toBe(403);

    const banned = await app.http.put(
      `/api/rooms/${room.slug}/bans/${member.user.id}`,
      undefined,
      as(moderator.accessToken),
    );
    expect(banned.status).toBe(204);
    const modSocket = await connect(moderator.accessToken);
    await join(modSocket, room.id);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const seen = memberSocket.all('message:new').length;
    await sendMessage(modSocket, room.id, 'after the ban');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(memberSocket.all('message:new')).toHaveLength(seen);

    const rejoin = await app.http.post(
      `/api/rooms/${room.slug}/join`,
      undefined,
      as(member.accessToken),
    );
    expect(rejoin.status).toBe(403);
    expect(rejoin.body).toMatchObject({
      code: 'FORBIDDEN',
      message: 'You are banned from this room',
    });
    expect((await history(app.http, room.id, member.accessToken)).status).toBe(403);
    const socketJoin = await memberSocket.call('conversation:join', { conversationId: room.id });
    expect(socketJoin).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    expect(
      (
        await app.http.delete(
          `/api/rooms/${room.slug}/bans/${member.user.id}`,
          as(member.accessToken),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await app.http.delete(
          `/api/rooms/${room.slug}/bans/${member.user.id}`,
          as(moderator.accessToken),
        )
      ).status,
    ).toBe(204);
    expect(
      (await app.http.post(`/api/rooms/${room.slug}/join`, undefined, as(member.accessToken)))
        .status,
    ).toBe(200);
    const lines = await systemLines(room.id, owner.accessToken);
    expect(lines).toContain(`${moderator.user.displayName} banned ${member.user.displayName}`);
    expect(lines).toContain(
      `${moderator.user.displayName} lifted the ban on ${member.user.displayName}`,
    );
  });

  it('a join racing a ban cannot leave a banned member: the membership insert itself refuses them', async () => {
    const { owner, room } = await roomWithMembers(app.http, 0);
    const outsider = await signUp(app.http);
    // A ban in progress, as RoomBans takes it: the room row FOR UPDATE, the ban row written but
    // not yet committed, so a check made before the insert cannot see it.
    const banning = new pg.Client({ connectionString: app.database.url });
    await banning.connect();
    try {
      await banning.query('BEGIN');
      await banning.query('SELECT 1 FROM conversations WHERE id = $1 FOR UPDATE', [room.id]);
      await banning.query(
        'INSERT INTO room_bans (conversation_id, user_id, banned_by) VALUES ($1, $2, $3)',
        [room.id, outsider.user.id, owner.user.id],
      );
      const joining = app.http.post<Partial<ApiErrorBody>>(
        `/api/rooms/${room.slug}/join`,
        undefined,
        as(outsider.accessToken),
      );
      // The join has reached the membership insert and waits for the ban to finish.
      for (;;) {
        const waiting = await banning.query(
          `SELECT 1 FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
        );
        if (waiting.rows.length > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await banning.query('COMMIT');
      const joined = await joining;
      expect(joined.status).toBe(403);
      expect(joined.body).toMatchObject({
        code: 'FORBIDDEN',
        message: 'You are banned from this room',
      });
    } finally {
      await banning.end();
    }
    const members = await queryDatabase(
      app.database.url,
      'SELECT 1 FROM conversation_members WHERE conversation_id = $1 AND user_id = $2',
      [room.id, outsider.user.id],
    );
    expect(members).toHaveLength(0);
  });

  it('moderators rename and set the topic (the slug stays); members are FORBIDDEN; an empty change is VALIDATION', async () => {
    const { owner, room, moderator, member } = await staffedRoom();
    const patched = await app.http.patch<Conversation>(
      `/api/rooms/${room.slug}`,
      { name: 'Book Club 2', topic: 'Chapter 4' },
      as(moderator.accessToken),
    );
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      name: 'Book Club 2',
      topic: 'Chapter 4',
      slug: room.slug,
    });
    expect(
      (await app.http.patch(`/api/rooms/${room.slug}`, { topic: 'mine' }, as(member.accessToken)))
        .status,
    ).toBe(403);
    expect(
      (await app.http.patch(`/api/rooms/${room.slug}`, {}, as(moderator.accessToken))).status,
    ).toBe(400);
    const lines = await systemLines(room.id, owner.accessToken);
    expect(lines).toContain(`${moderator.user.displayName} renamed the room to Book Club 2`);
    expect(lines).toContain(`${moderator.user.displayName} set the topic: Chapter 4`);
  });

  it("a moderator deletes and pins others' messages; a member cannot delete another's", async () => {
    const { room, moderator, member, other } = await staffedRoom();
    const memberSocket = await connect(member.accessToken);
    await join(memberSocket, room.id);
    const sent = await sendMessage(memberSocket, room.id, 'spam');
    const byOther = await app.http.delete(`/api/messages/${sent.id}`, as(other.accessToken));
    expect(byOther.status).toBe(403);
    const pinned = await app.http.put<Message>(
      `/api/messages/${sent.id}/pin`,
      undefined,
      as(moderator.accessToken),
    );
    expect(pinned.body.pinned).toBe(true);
    const removed = await app.http.delete<Message>(
      `/api/messages/${sent.id}`,
      as(moderator.accessToken),
    );
    expect(removed.status).toBe(200);
    expect(removed.body.deletedAt).not.toBeNull();
  });

  it('archiving: read-only for everyone (posting, reactions, edits FORBIDDEN), history still readable; members cannot archive', async () => {
    const { owner, room, moderator, member } = await staffedRoom();
    const memberSocket = await connect(member.accessToken);
    await join(memberSocket, room.id);
    const sent = await sendMessage(memberSocket, room.id, 'before the archive');
    expect(
      (await app.http.post(`/api/rooms/${room.slug}/archive`, undefined, as(member.accessToken)))
        .status,
    ).toBe(403);
    const archived = await app.http.post<Conversation>(
      `/api/rooms/${room.slug}/archive`,
      undefined,
      as(moderator.accessToken),
    );
    expect(archived.status).toBe(200);
    expect(archived.body.archived).toBe(true);

    const post = await memberSocket.call('message:send', {
      conversationId: room.id,
      clientMsgId: randomUUID(),
      body: 'still here?',
    });
    expect(post).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const ownerPost = await app.http.post(
      `/api/conversations/${room.id}/messages`,
      { clientMsgId: randomUUID(), body: 'me too?' },
      as(owner.accessToken),
    );
    expect(ownerPost.status).toBe(403);
    expect((await memberSocket.call('reaction:add', { messageId: sent.id, emoji: '👍' })).ok).toBe(
      false,
    );
    expect(
      await memberSocket.call('message:edit', { messageId: sent.id, body: 'edited' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const page = await history(app.http, room.id, member.accessToken);
    expect(page.status).toBe(200);
    expect(page.body.items.at(-1)?.body).toBe(`${moderator.user.displayName} archived the room`);
  });

  it('unarchiving (moderators and the owner) makes the room writable again, a system line; members are FORBIDDEN', async () => {
    const { owner, room, moderator, member } = await staffedRoom();
    await app.http.post(`/api/rooms/${room.slug}/archive`, undefined, as(owner.accessToken));
    const refused = await app.http.delete<Partial<ApiErrorBody>>(
      `/api/rooms/${room.slug}/archive`,
      as(member.accessToken),
    );
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    const reopened = await app.http.delete<Conversation>(
      `/api/rooms/${room.slug}/archive`,
      as(moderator.accessToken),
    );
    expect(reopened.status).toBe(200);
    expect(reopened.body.archived).not.toBe(true);
    const again = await app.http.delete<Conversation>(
      `/api/rooms/${room.slug}/archive`,
      as(moderator.accessToken),
    );
    expect(again.body.archived).not.toBe(true);
    const memberSocket = await connect(member.accessToken);
    await join(memberSocket, room.id);
    await sendMessage(memberSocket, room.id, 'open again');
    const lines = await systemLines(room.id, member.accessToken);
    expect(lines.filter((line) => line.endsWith('archived the room'))).toEqual([
      `${owner.user.displayName} archived the room`,
      `${moderator.user.displayName} unarchived the room`,
    ]);
  });

  it("a kicked or banned user's sockets are told why (conversation:removed on their personal room)", async () => {
    const { room, moderator, member, other } = await staffedRoom();
    const [memberSocket, otherSocket] = await Promise.all([
      connect(member.accessToken),
      connect(other.accessToken),
    ]);
    await app.http.delete(
      `/api/rooms/${room.slug}/members/${member.user.id}`,
      as(moderator.accessToken),
    );
    expect(
      await memberSocket.next('conversation:removed', (p) => p.conversationId === room.id),
    ).toEqual({ conversationId: room.id, reason: 'kicked' });
    await app.http.put(
      `/api/rooms/${room.slug}/bans/${other.user.id}`,
      undefined,
      as(moderator.accessToken),
    );
    expect(
      await otherSocket.next('conversation:removed', (p) => p.conversationId === room.id),
    ).toEqual({ conversationId: room.id, reason: 'banned' });
  });

  it('moderators list the bans (newest first) with who banned; members are FORBIDDEN', async () => {
    const { room, moderator, member, other } = await staffedRoom();
    await app.http.put(
      `/api/rooms/${room.slug}/bans/${other.user.id}`,
      undefined,
      as(moderator.accessToken),
    );
    const list = await app.http.get<RoomBanList>(
      `/api/rooms/${room.slug}/bans`,
      as(moderator.accessToken),
    );
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      {
        user: expect.objectContaining({ id: other.user.id }),
        bannedAt: expect.any(String),
        bannedBy: moderator.user.id,
      },
    ]);
    const refused = await app.http.get<ApiErrorBody>(
      `/api/rooms/${room.slug}/bans`,
      as(member.accessToken),
    );
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    await app.http.delete(
      `/api/rooms/${room.slug}/bans/${other.user.id}`,
      as(moderator.accessToken),
    );
    expect(
      (await app.http.get<RoomBanList>(`/api/rooms/${room.slug}/bans`, as(moderator.accessToken)))
        .body.items,
    ).toEqual([]);
  });
});
