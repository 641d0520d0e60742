import type { Conversation, RoomDetails } from '@chat/contracts';
import { describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { createRoom, history, joinRoom } from './factories/conversations.js';
import { signInAsGuest, signUp } from './factories/users.js';
import { useTestApp } from './support/use-test-app.js';
import { queryDatabase } from './support/test-database.js';
import { connectSocket } from './support/test-socket.js';

/** A room name no other test uses; its slug is the name lower-cased with "-" for spaces. */
const uniqueName = (prefix = 'Room') => `${prefix} ${randomBytes(3).toString('hex')}`;

describe('rooms over REST', () => {
  const app = useTestApp();

  const messagesOf = (conversationId: string) => app.messagesIn(conversationId);

  describe('rooms', () => {
    it('creates a room with a slug from its name; the creator is its owner and only member', async () => {
      const ann = await signUp(app.http);
      const suffix = randomBytes(3).toString('hex');
      const res = await app.http.post<Conversation>(
        '/api/rooms',
        { name: `Night Owls 2 ${suffix}`, topic: 'late' },
        { token: ann.accessToken },
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        kind: 'room',
        slug: `night-owls-2-${suffix}`,
        name: `Night Owls 2 ${suffix}`,
        topic: 'late',
        memberCount: 1,
        lastSeq: 0,
      });

      const details = await app.http.get<RoomDetails>(`/api/rooms/${res.body.slug}`, {
        token: ann.accessToken,
      });
      expect(details.status).toBe(200);
      expect(details.body.members).toEqual([
        expect.objectContaining({
          role: 'owner',
          user: expect.objectContaining({ id: ann.user.id }),
        }),
      ]);
    });

    it('tells a caller with a token which rooms they belong to, and visitors nothing', async () => {
      const [ann, bob] = [await signUp(app.http), await signUp(app.http)];
      const room = await createRoom(app.http, ann.accessToken, uniqueName('Members'));
      const isMember = async (token?: string) => {
        const list = await app.http.get<{ items: Conversation[] }>(
          '/api/rooms',
          token ? { token } : {},
        );
        const general = list.body.items.find((c) => c.kind === 'general')!;
        return [general.isMember, list.body.items.find((c) => c.id === room.id)!.isMember];
      };
      expect(await isMember(ann.accessToken)).toEqual([true, true]);
      expect(await isMember(bob.accessToken)).toEqual([true, false]);
      await joinRoom(app.http, bob.accessToken, room.slug!);
      expect(await isMember(bob.accessToken)).toEqual([true, true]);
      expect(await isMember((await signInAsGuest(app.http)).accessToken)).toEqual([true, false]);
      expect(await isMember()).toEqual([undefined, undefined]);
    });

    it('turns every run of other characters into one "-"', async () => {
      const ann = await signUp(app.http);
      const suffix = randomBytes(3).toString('hex');
      const room = await createRoom(app.http, ann.accessToken, `  Rock & Roll!!  ${suffix} `);
      expect(room.slug).toBe(`rock-roll-${suffix}`);
    });

    it('answers 409 SLUG_TAKEN for a name whose slug exists, and writes nothing', async () => {
      const ann = await signUp(app.http);
      const name = uniqueName('Book Club');
      const first = await createRoom(app.http, ann.accessToken, name);
      const again = await app.http.post(
        '/api/rooms',
        { name: name.toUpperCase().replace(' ', '  ') },
        { token: ann.accessToken },
      );
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ statusCode: 409, code: 'SLUG_TAKEN' });
      const rows = await queryDatabase(
        app.database.url,
        'SELECT id FROM conversations WHERE slug = $1',
        [first.slug],
      );
      expect(rows).toHaveLength(1);
    });

    it.each([
      ['2 characters', 'ab'],
      ['65 characters', 'a'.repeat(65)],
      ['only punctuation', '!!!'],
      ['no name', undefined],
      ['a NUL character', 'abc\u0000def'],
    ])('rejects a name of %s with 400 VALIDATION', async (_, name) => {
      const ann = await signUp(app.http);
      const res = await app.http.post('/api/rooms', name === undefined ? {} : { name }, {
        token: ann.accessToken,
      });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION');
    });

    it('rejects a topic with a NUL character with 400 VALIDATION', async () => {
      const ann = await signUp(app.http);
      const res = await app.http.post(
        '/api/rooms',
        { name: uniqueName('Nul'), topic: 'a\u0000b' },
        { token: ann.accessToken },
      );
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION');
    });

    it('accepts names of 3 and 64 characters', async () => {
      const ann = await signUp(app.http);
      const three = `${randomBytes(2).toString('hex').slice(0, 3)}`;
      expect(
        (await app.http.post('/api/rooms', { name: three }, { token: ann.accessToken })).status,
      ).toBe(201);
      const long = `${randomBytes(4).toString('hex')}${'x'.repeat(56)}`;
      expect(
        (await app.http.post('/api/rooms', { name: long }, { token: ann.accessToken })).status,
      ).toBe(201);
    });

    it('lists general first, then rooms with member and online counts, without a token', async () => {
      const ann = await signUp(app.http);
      const bob = await signUp(app.http);
      const room = await createRoom(app.http, ann.accessToken, uniqueName('Listed'));
      await joinRoom(app.http, bob.accessToken, room.slug!);
      const annSocket = await connectSocket(app.baseUrl, ann.accessToken);
      try {
        expect((await annSocket.call('conversation:join', { conversationId: room.id })).ok).toBe(
          true,
        );
        const res = await app.http.get<{ items: Conversation[] }>('/api/rooms');
        expect(res.status).toBe(200);
        expect(res.body.items[0]).toMatchObject({ kind: 'general', slug: 'general' });
        expect(res.body.items.filter((c) => c.kind === 'general')).toHaveLength(1);
        const listed = res.body.items.find((c) => c.id === room.id);
        expect(listed).toMatchObject({
          kind: 'room',
          slug: room.slug,
          memberCount: 2,
          onlineCount: 1,
        });
        expect(res.body.items.every((c) => c.kind !== 'direct')).toBe(true);
      } finally {
        annSocket.close();
      }
    });

    it('joins: a membership, and a stored "X joined" system line on the first join only', async () => {
      const ann = await signUp(app.http);
      const bob = await signUp(app.http, { displayName: 'Bob Builder' });
      const room = await createRoom(app.http, ann.accessToken, uniqueName('Joinable'));

      const joined = await app.http.post(`/api/rooms/${room.slug}/join`, undefined, {
        token: bob.accessToken,
      });
      expect(joined.status).toBe(200);
      expect(joined.body).toMatchObject({
        conversationId: room.id,
        userId: bob.user.id,
        role: 'member',
      });
      const again = await app.http.post(`/api/rooms/${room.slug}/join`, undefined, {
        token: bob.accessToken,
      });
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({
        conversationId: room.id,
        userId: bob.user.id,
        role: 'member',
      });

      const rows = await messagesOf(room.id);
      expect(rows).toEqual([
        { seq: '1', body: 'Bob Builder joined', kind: 'system', sender_id: bob.user.id },
      ]);
      const page = await history(app.http, room.id, bob.accessToken);
      expect(page.body.items).toEqual([
        expect.objectContaining({ seq: 1, kind: 'system', body: 'Bob Builder joined' }),
      ]);

      const details = await app.http.get<RoomDetails>(`/api/rooms/${room.slug}`, {
        token: ann.accessToken,
      });
      expect(details.body.memberCount).toBe(2);
      expect(details.body.members.map((m) => [m.user.id, m.role])).toEqual([
        [ann.user.id, 'owner'],
        [bob.user.id, 'member'],
      ]);
    });

    it('joining several times at once still posts one line', async () => {
      const ann = await signUp(app.http);
      const bob = await signUp(app.http);
      const room = await createRoom(app.http, ann.accessToken, uniqueName('Racy'));
      const joins = await Promise.all(
        [1, 2, 3].map(() =>
          app.http.post(`/api/rooms/${room.slug}/join`, undefined, { token: bob.accessToken }),
        ),
      );
      expect(joins.map((j) => j.status)).toEqual([200, 200, 200]);
      expect((await messagesOf(room.id)).map((m) => m.kind)).toEqual(['system']);
    });

    it('the system line reaches sockets already in the room', async () => {
      const ann = await signUp(app.http);
      const bob = await signUp(app.http);
      const room = await createRoom(app.http, ann.accessToken, uniqueName('Announced'));
      const annSocket = await connectSocket(app.baseUrl, ann.accessToken);
      try {
        await annSocket.call('conversation:join', { conversationId: room.id });
        await joinRoom(app.http, bob.accessToken, room.slug!);
        const line = await annSocket.next('message:new', (m) => m.conversationId === room.id);
        expect(line).toMatchObject({
          kind: 'system',
          body: `${bob.user.displayName} joined`,
          seq: 1,
        });
      } finally {
        annSocket.close();
      }
    });

    it('leaves: the membership is gone and the history is closed until a rejoin', async () => {
      const ann = await signUp(app.http);
      const bob = await signUp(app.http);
      const room = await createRoom(app.http, ann.accessToken, uniqueName('Leavable'));
      await joinRoom(app.http, bob.accessToken, room.slug!);
      expect((await history(app.http, room.id, bob.accessToken)).status).toBe(200);

      const left = await app.http.delete(`/api/rooms/${room.slug}/members/me`, {
        token: bob.accessToken,
      });
      expect(left.status).toBe(204);
      const details = await app.http.get<RoomDetails>(`/api/rooms/${room.slug}`, {
        token: ann.accessToken,
      });
      expect(details.body.members.map((m) => m.user.id)).toEqual([ann.user.id]);
      expect(details.body.memberCount).toBe(1);
      const closed = await history(app.http, room.id, bob.accessToken);
      expect(closed.status).toBe(403);
      expect(closed.body.code).toBe('FORBIDDEN');

      await joinRoom(app.http, bob.accessToken, room.slug!);
      expect((await history(app.http, room.id, bob.accessToken)).status).toBe(200);
    });

    it('leaving is announced like joining: a stored "X left" line the room sees', async () => {
      const ann = await signUp(app.http);
      const bob = await signUp(app.http, { displayName: 'Bob Leaver' });
      const room = await createRoom(app.http, ann.accessToken, uniqueName('Goodbyes'));
      await joinRoom(app.http, bob.accessToken, room.slug!);
      const annSocket = await connectSocket(app.baseUrl, ann.accessToken);
      try {
        await annSocket.call('conversation:join', { conversationId: room.id });
        const line = annSocket.next(
          'message:new',
          (m) => m.conversationId === room.id && m.body.endsWith('left'),
        );
        const left = await app.http.delete(`/api/rooms/${room.slug}/members/me`, {
          token: bob.accessToken,
        });
        expect(left.status).toBe(204);
        expect(await line).toMatchObject({ kind: 'system', body: 'Bob Leaver left' });
        expect((await messagesOf(room.id)).map((m) => m.body)).toEqual([
          'Bob Leaver joined',
          'Bob Leaver left',
        ]);
      } finally {
        annSocket.close();
      }
    });

    it('a user who left the room stops receiving its messages and is no longer present', async () => {
      const ann = await signUp(app.http);
      const bob = await signUp(app.http);
      const room = await createRoom(app.http, ann.accessToken, uniqueName('Private-ish'));
      await joinRoom(app.http, bob.accessToken, room.slug!);
      const annSocket = await connectSocket(app.baseUrl, ann.accessToken);
      const bobSocket = await connectSocket(app.baseUrl, bob.accessToken);
      try {
        expect((await bobSocket.call('conversation:join', { conversationId: room.id })).ok).toBe(
          true,
        );
        await annSocket.call('conversation:join', { conversationId: room.id });
        expect(
          (await app.http.delete(`/api/rooms/${room.slug}/members/me`, { token: bob.accessToken }))
            .status,
        ).toBe(204);
        // Others see them go, as if the socket had left.
        await annSocket.presenceIn(room.id, 'left', bob.user.id);
        const sent = await annSocket.call('message:send', {
          conversationId: room.id,
          clientMsgId: randomUUID(),
          body: 'members only',
        });
        expect(sent.ok).toBe(true);
        await bobSocket.roundTrip();
        expect(bobSocket.all('message:new').filter((m) => m.body === 'members only')).toEqual([]);
      } finally {
        annSocket.close();
        bobSocket.close();
      }
    });

    it.each([
      ['an unknown slug', `no-such-room-${randomBytes(3).toString('hex')}`],
      ['a slug with a NUL character', 'general%00x'],
    ])('answers 404 for %s on details, join and leave', async (_, slug) => {
      const ann = await signUp(app.http);
      for (const res of [
        await app.http.get(`/api/rooms/${slug}`, { token: ann.accessToken }),
        await app.http.post(`/api/rooms/${slug}/join`, undefined, { token: ann.accessToken }),
        await app.http.delete(`/api/rooms/${slug}/members/me`, { token: ann.accessToken }),
      ]) {
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('NOT_FOUND');
      }
    });

    it('guests cannot create or join rooms (403), visitors must sign in (401)', async () => {
      const ann = await signUp(app.http);
      const room = await createRoom(app.http, ann.accessToken, uniqueName('Members'));
      const guest = await signInAsGuest(app.http, 'Gus');
      const created = await app.http.post(
        '/api/rooms',
        { name: uniqueName('Guest room') },
        { token: guest.accessToken },
      );
      expect(created.status).toBe(403);
      expect(created.body.code).toBe('FORBIDDEN');
      const joined = await app.http.post(`/api/rooms/${room.slug}/join`, undefined, {
        token: guest.accessToken,
      });
      expect(joined.status).toBe(403);
      expect(joined.body.code).toBe('FORBIDDEN');
      const visitor = await app.http.post('/api/rooms', { name: uniqueName('Visitor room') });
      expect(visitor.status).toBe(401);
      const members = await queryDatabase(
        app.database.url,
        'SELECT user_id FROM conversation_members WHERE conversation_id = $1',
        [room.id],
      );
      expect(members).toEqual([{ user_id: ann.user.id }]);
    });
  });
});
