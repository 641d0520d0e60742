import type { Message, PinnedList } from '@chat/contracts';
import { describe, expect, it } from '@jest/globals';
import {
  generalConversation,
  joinConversation as join,
  openThread,
  roomWithMembers,
  sendMessage,
} from './factories/conversations.js';
import { signUp } from './factories/users.js';
import { useTestApp } from './support/use-test-app.js';

/** Pins: a change like any other (new rev, message:updated), and a list per conversation. */
describe('pins', () => {
  const app = useTestApp();
  const { connect } = app;
  const pins = (conversationId: string, token: string) =>
    app.http.get<PinnedList>(`/api/conversations/${conversationId}/pins`, { token });

  it('the room owner pins over the socket: a new rev, message:updated to others, the pinned list', async () => {
    const { owner, room, members } = await roomWithMembers(app.http, 1);
    const [ownerSocket, memberSocket] = await Promise.all([
      connect(owner.accessToken),
      connect(members[0]!.accessToken),
    ]);
    await Promise.all([join(ownerSocket, room.id), join(memberSocket, room.id)]);
    const first = await sendMessage(ownerSocket, room.id, 'read the rules');
    const second = await sendMessage(ownerSocket, room.id, 'meeting at 8');

    const ack = await ownerSocket.call<Message>('message:pin', {
      messageId: first.id,
      pinned: true,
    });
    expect(ack).toMatchObject({ ok: true, data: { id: first.id, pinned: true, seq: first.seq } });
    if (!ack.ok) return;
    expect(ack.data.rev).toBe(second.seq + 1);
    expect(await memberSocket.next('message:updated', (m) => m.id === first.id)).toEqual(ack.data);

    // Newest pin first; pinning again is a no-op (same rev, no new number).
    await app.http.put(`/api/messages/${second.id}/pin`, undefined, { token: owner.accessToken });
    const again = await app.http.put<Message>(`/api/messages/${first.id}/pin`, undefined, {
      token: owner.accessToken,
    });
    expect(again.body.rev).toBe(ack.data.rev);
    const list = await pins(room.id, members[0]!.accessToken);
    expect(list.status).toBe(200);
    expect(list.body.items.map((m) => m.id)).toEqual([second.id, first.id]);

    // Unpinning is a change too; catch-up after the pin sees the unpinned message.
    const unpinned = await app.http.delete<Message>(`/api/messages/${first.id}/pin`, {
      token: owner.accessToken,
    });
    expect(unpinned.body).toMatchObject({ pinned: false });
    expect(unpinned.body.rev).toBeGreaterThan(ack.data.rev);
    const changes = await app.http.get<{ items: Message[] }>(
      `/api/conversations/${room.id}/changes?after=${ack.data.rev}`,
      { token: members[0]!.accessToken },
    );
    expect(changes.body.items.find((m) => m.id === first.id)).toMatchObject({ pinned: false });
    expect((await pins(room.id, owner.accessToken)).body.items.map((m) => m.id)).toEqual([
      second.id,
    ]);
  });

  it('a plain room member may not pin (FORBIDDEN); outsiders cannot read the pins', async () => {
    const { owner, room, members } = await roomWithMembers(app.http, 1);
    const ownerSocket = await connect(owner.accessToken);
    await join(ownerSocket, room.id);
    const sent = await sendMessage(ownerSocket, room.id, 'pin me');
    const refused = await app.http.put(`/api/messages/${sent.id}/pin`, undefined, {
      token: members[0]!.accessToken,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    const outsider = await signUp(app.http);
    expect((await pins(room.id, outsider.accessToken)).status).toBe(403);
  });

  it('either participant pins in a thread; outsiders get 404; general pins nothing; a deleted message leaves the list', async () => {
    const ann = await signUp(app.http);
    const bob = await signUp(app.http);
    const thread = await openThread(app.http, ann.accessToken, bob.user.id);
    const annSocket = await connect(ann.accessToken);
    await join(annSocket, thread.id);
    const sent = await sendMessage(annSocket, thread.id, 'our plan');
    const byBob = await app.http.put<Message>(`/api/messages/${sent.id}/pin`, undefined, {
      token: bob.accessToken,
    });
    expect(byBob.status).toBe(200);
    expect(byBob.body.pinned).toBe(true);
    const outsider = await signUp(app.http);
    expect((await pins(thread.id, outsider.accessToken)).status).toBe(404);
    const outsiderPin = await app.http.put(`/api/messages/${sent.id}/pin`, undefined, {
      token: outsider.accessToken,
    });
    expect(outsiderPin.status).toBe(404);

    expect((await annSocket.call('message:delete', { messageId: sent.id })).ok).toBe(true);
    expect((await pins(thread.id, ann.accessToken)).body.items).toEqual([]);

    const general = await generalConversation(app.http);
    await join(annSocket, general.id);
    const inGeneral = await sendMessage(annSocket, general.id, 'hello all');
    const generalPin = await annSocket.call('message:pin', {
      messageId: inGeneral.id,
      pinned: true,
    });
    expect(generalPin).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const bad = await annSocket.call('message:pin', { messageId: inGeneral.id, pinned: 'yes' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
