import type { PublicUser, UserPage } from '@chat/contracts';
import { describe, expect, it } from '@jest/globals';
import { signUp } from './factories/users.js';
import { queryDatabase } from './support/test-database.js';
import { useTestApp } from './support/use-test-app.js';
import { connectSocket } from './support/test-socket.js';

/** Retries `check` until it passes (presence changes arrive a moment after a disconnect). */
async function eventually(check: () => Promise<void>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

describe('users: the directory', () => {
  const app = useTestApp();

  const list = (query = '') => app.http.get<UserPage>(`/api/users${query}`);

  /** Follows nextCursor from the first page to the last. */
  async function walk(query: string, limit: number): Promise<PublicUser[]> {
    const seen: PublicUser[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 100; page++) {
      const params = new URLSearchParams({ limit: String(limit), ...(query ? { q: query } : {}) });
      if (cursor) params.set('cursor', cursor);
      const res = await list(`?${params}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(limit);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
      if (cursor === null) return seen;
      expect(res.body.items).toHaveLength(limit);
    }
    throw new Error('the cursor never reached the end');
  }

  it('is public: 200 {items, nextCursor} without a token', async () => {
    const ann = await signUp(app.http);
    const res = await list();
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['items', 'nextCursor']);
    const mine = res.body.items.find((user) => user.id === ann.user.id);
    const { createdAt: _c, botOptOut: _b, sampleProfile: _s, ...publicPart } = ann.user;
    expect(mine).toEqual(publicPart);
    expect(JSON.stringify(res.body)).not.toMatch(/password|createdAt/i);
  });

  it('searches username and display name, case-insensitively', async () => {
    const byName = await signUp(app.http, { displayName: 'Zebra Crossing' });
    const byUsername = await signUp(app.http, { username: 'zebra_keeper', displayName: 'Keeper' });
    const other = await signUp(app.http, { displayName: 'Giraffe' });
    for (const q of ['zebra', 'ZEBRA', 'ZeBrA']) {
      const res = await list(`?q=${q}`);
      expect(res.status).toBe(200);
      const ids = res.body.items.map((user) => user.id);
      expect(ids.sort()).toEqual([byName.user.id, byUsername.user.id].sort());
      expect(ids).not.toContain(other.user.id);
    }
    const crossing = await list('?q=crossing');
    expect(crossing.body.items.map((user) => user.id)).toEqual([byName.user.id]);
  });

  it('takes `%` and `_` in the search literally', async () => {
    const percent = await signUp(app.http, { displayName: '100% Real' });
    const literal = await list(`?q=${encodeURIComponent('%')}`);
    expect(literal.body.items.map((user) => user.id)).toEqual([percent.user.id]);
    const none = await list(`?q=${encodeURIComponent('0_%')}`);
    expect(none.body.items).toEqual([]);
    const nul = await list('?q=%00');
    expect(nul.status).toBe(200);
    expect(nul.body).toEqual({ items: [], nextCursor: null });
  });

  it('walks every user exactly once with limit=2, ending with nextCursor null', async () => {
    for (let i = 0; i < 5; i++) await signUp(app.http);
    const walked = await walk('', 2);
    const ids = walked.map((user) => user.id);
    expect(new Set(ids).size).toBe(ids.length);
    const rows = await queryDatabase<{ id: string }>(app.database.url, 'SELECT id FROM users');
    expect(ids.sort()).toEqual(rows.map((row) => row.id).sort());
  });

  it('sorts by name and pages through a search the same way', async () => {
    const names = ['Orbit delta', 'Orbit Alpha', 'orbit charlie', 'Orbit Bravo', 'ORBIT echo'];
    for (const displayName of names) await signUp(app.http, { displayName });
    const walked = await walk('orbit', 2);
    expect(walked.map((user) => user.displayName)).toEqual([
      'Orbit Alpha',
      'Orbit Bravo',
      'orbit charlie',
      'Orbit delta',
      'ORBIT echo',
    ]);
  });

  it('lists online users first, marked online, until they disconnect', async () => {
    const first = await signUp(app.http, { displayName: 'Lunar Aaron' });
    const second = await signUp(app.http, { displayName: 'Lunar Beth' });
    const last = await signUp(app.http, { displayName: 'Lunar Zoe' });
    const socket = await connectSocket(app.baseUrl, last.accessToken);
    try {
      const res = await list('?q=lunar');
      expect(res.body.items.map((user) => [user.id, user.online])).toEqual([
        [last.user.id, true],
        [first.user.id, false],
        [second.user.id, false],
      ]);
      // Paging keeps that order too.
      expect((await walk('lunar', 1)).map((user) => user.id)).toEqual([
        last.user.id,
        first.user.id,
        second.user.id,
      ]);
    } finally {
      socket.close();
    }
    await eventually(async () => {
      const res = await list('?q=lunar');
      expect(res.body.items.map((user) => user.id)).toEqual([
        first.user.id,
        second.user.id,
        last.user.id,
      ]);
      const zoe = res.body.items[2]!;
      expect(zoe.online).toBe(false);
      expect(zoe.lastSeenAt).not.toBeNull();
      expect(Date.now() - Date.parse(zoe.lastSeenAt!)).toBeLessThan(60_000);
    });
  });

  it('lists demo users who posted lately after the people online and before everyone else', async () => {
    const quiet = await signUp(app.http, { displayName: 'Comet Aaron' });
    const online = await signUp(app.http, { displayName: 'Comet Zoe' });
    // Demo users are the bot's: no password, is_demo; one posted a minute ago, one long ago.
    const [talker, sleeper] = await queryDatabase<{ id: string }>(
      app.database.url,
      `INSERT INTO users (username, display_name, bio, avatar_color, location, is_demo, last_seen_at)
       VALUES ('comet_talker', 'Comet Talker', '', '#2563eb', '', true, now() - interval '1 minute'),
              ('comet_sleeper', 'Comet Sleeper', '', '#2563eb', '', true, now() - interval '1 day')
       RETURNING id`,
    );
    const socket = await connectSocket(app.baseUrl, online.accessToken);
    try {
      const expected = [online.user.id, talker!.id, quiet.user.id, sleeper!.id];
      expect((await list('?q=comet')).body.items.map((user) => user.id)).toEqual(expected);
      expect((await walk('comet', 1)).map((user) => user.id)).toEqual(expected);
    } finally {
      socket.close();
    }
  });

  it('rejects a cursor it did not issue with 400 VALIDATION', async () => {
    const garbage = [
      'not-a-cursor',
      Buffer.from('{}').toString('base64url'),
      Buffer.from('[3,"a","00000000-0000-4000-8000-000000000000"]').toString('base64url'),
      Buffer.from('[0,"a","x"]').toString('base64url'),
      Buffer.from('[1,"a\\u0000","00000000-0000-4000-8000-000000000000"]').toString('base64url'),
    ];
    for (const cursor of garbage) {
      const res = await app.http.get(`/api/users?cursor=${cursor}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION');
    }
  });

  it('accepts limit 1..100 only', async () => {
    for (const limit of ['0', '101', '-1', 'abc', '1.5']) {
      const res = await app.http.get(`/api/users?limit=${limit}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION');
      expect(res.body.details.map((d: { path: string }) => d.path)).toEqual(['limit']);
    }
    expect((await list('?limit=1')).status).toBe(200);
    expect((await list('?limit=100')).status).toBe(200);
  });
});
