import { describe, expect, it } from '@jest/globals';
import { InMemoryPresenceService } from './in-memory-presence.service.js';

const ann = { id: 'u-ann', displayName: 'Ann' };
const general = 'c-general';

describe('InMemoryPresenceService', () => {
  it('reports a user online once, however many tabs, and offline after the last one', async () => {
    const presence = new InMemoryPresenceService();
    expect((await presence.connect('s1', ann)).userChanged).toBe(true);
    expect((await presence.connect('s2', ann)).userChanged).toBe(false);
    expect(await presence.onlineUserIds()).toEqual(['u-ann']);
    expect((await presence.disconnect('s1')).userChanged).toBe(false);
    expect(await presence.isOnline('u-ann')).toBe(true);
    expect((await presence.disconnect('s2')).userChanged).toBe(true);
    expect(await presence.isOnline('u-ann')).toBe(false);
  });

  it('counts conversation presence per user across tabs', async () => {
    const presence = new InMemoryPresenceService();
    await presence.connect('s1', ann);
    await presence.connect('s2', ann);
    expect(await presence.join('s1', general)).toBe(true);
    expect(await presence.join('s2', general)).toBe(false);
    expect(await presence.presentIn(general, 100)).toEqual({ users: [ann], count: 1 });
    expect(await presence.leave('s1', general)).toBe(false);
    const gone = await presence.disconnect('s2');
    expect(gone.conversationsChanged).toEqual([general]);
    expect((await presence.countIn([general])).get(general)).toBe(0);
  });

  it('lists at most the limit asked for, and counts everyone', async () => {
    const presence = new InMemoryPresenceService();
    for (let i = 0; i < 5; i++) {
      await presence.connect(`s${i}`, { id: `u-${i}`, displayName: `User ${i}` });
      await presence.join(`s${i}`, general);
    }
    const present = await presence.presentIn(general, 3);
    expect(present.count).toBe(5);
    expect(present.users).toHaveLength(3);
  });

  it('counts visitors as sockets but never as present users', async () => {
    const presence = new InMemoryPresenceService();
    await presence.connect('v1', null);
    expect(await presence.join('v1', general)).toBe(false);
    expect(await presence.socketCount()).toBe(1);
    expect(await presence.presentIn(general, 100)).toEqual({ users: [], count: 0 });
    expect(await presence.disconnect('v1')).toEqual({
      user: null,
      userChanged: false,
      conversationsChanged: [],
    });
    expect(await presence.socketCount()).toBe(0);
  });
});

describe('InMemoryPresenceService changes', () => {
  it('reports the state now of each user and conversation that changed, once per read', async () => {
    const presence = new InMemoryPresenceService();
    const bob = { id: 'u-bob', displayName: 'Bob' };
    await presence.connect('s1', ann);
    await presence.join('s1', general);
    await presence.connect('s2', bob);
    await presence.disconnect('s2'); // came and went: read as offline
    const first = await presence.changesSince(-1);
    expect(first.users).toEqual([
      { userId: 'u-ann', online: true },
      { userId: 'u-bob', online: false },
    ]);
    expect(first.conversations).toEqual([{ conversationId: general, userId: 'u-ann', user: ann }]);
    expect(await presence.changesSince(first.cursor)).toMatchObject({
      users: [],
      conversations: [],
    });
    await presence.connect('s3', ann); // a second tab changes nothing
    await presence.leave('s1', general);
    const second = await presence.changesSince(first.cursor);
    expect(second.users).toEqual([]);
    expect(second.conversations).toEqual([
      { conversationId: general, userId: 'u-ann', user: null },
    ]);
    expect(await presence.onlineAmong(['u-ann', 'u-bob'])).toEqual(new Set(['u-ann']));
  });
});
