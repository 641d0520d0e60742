import { afterEach, describe, expect, it } from '@jest/globals';
import type { Message } from '@chat/contracts';
import { setTimeout as sleep } from 'node:timers/promises';
import { BotLeadership } from '../src/modules/bot/index.js';
import { generalConversation } from './factories/conversations.js';
import { signUp, uniqueUsername } from './factories/users.js';
import { createTestDatabase, queryDatabase, type TestDatabase } from './support/test-database.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { connectSocket, type TestSocket } from './support/test-socket.js';

const BOT = { BOT_ENABLED: 'true', BOT_INTERVAL_MS: '100', BOT_SEED_USERS: '8' };

describe('the chatter bot', () => {
  const apps: TestApp[] = [];
  const sockets: TestSocket[] = [];
  const databases: TestDatabase[] = [];
  const start = async (env: Record<string, string>, database?: TestDatabase) => {
    const app = await startTestApp(env, { database });
    apps.push(app);
    return app;
  };
  afterEach(async () => {
    sockets.splice(0).forEach((socket) => socket.close());
    for (const app of apps.splice(0)) await app.close().catch(() => undefined);
    for (const database of databases.splice(0)) await database.drop();
  });

  const countBotMessages = async (url: string) =>
    Number(
      (
        await queryDatabase<{ n: string }>(url, 'SELECT count(*) AS n FROM messages WHERE via_bot')
      )[0]!.n,
    );

  it('posts varied phrases in general as several users, marked viaBot, while someone is connected', async () => {
    const app = await start(BOT);
    const general = await generalConversation(app.http);
    const visitor = await connectSocket(app.baseUrl);
    sockets.push(visitor);
    await visitor.call('conversation:join', { conversationId: general.id });
    const received: Message[] = [];
    for (let i = 0; i < 12; i++)
      received.push(await visitor.next('message:new', (m) => !received.includes(m), 10_000));

    expect(
      received.every(
        (m) => m.viaBot && m.conversationId === general.id && m.sender.kind === 'user',
      ),
    ).toBe(true);
    expect(new Set(received.map((m) => m.sender.id)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(received.map((m) => m.body)).size).toBeGreaterThanOrEqual(10);
    const history = await app.http.get(`/api/conversations/${general.id}/messages?limit=100`);
    expect(history.body.items.filter((m: Message) => m.viaBot).length).toBeGreaterThanOrEqual(12);
  });

  const sendersOf = async (url: string) =>
    queryDatabase<{ username: string; is_demo: boolean }>(
      url,
      `SELECT DISTINCT u.username, u.is_demo FROM messages m JOIN users u ON u.id = m.sender_id
       WHERE m.via_bot`,
    );

  it('speaks only as its demo users by default, never as people who signed up', async () => {
    const app = await start(BOT);
    const people = await Promise.all([1, 2, 3].map(() => signUp(app.http)));
    // One of them is online too: that is what lets the bot run.
    const ann = await connectSocket(app.baseUrl, people[0]!.accessToken);
    sockets.push(ann);
    await waitFor(async () => (await countBotMessages(app.database.url)) >= 15, 20_000);
    const senders = await sendersOf(app.database.url);
    expect(senders.length).toBeGreaterThanOrEqual(3);
    expect(senders.filter((sender) => !sender.is_demo)).toEqual([]);
    // Whoever spoke is active in the directory: right after the people online.
    const directory = await app.http.get('/api/users?limit=100');
    const ranks = directory.body.items.map((user: { username: string; online: boolean }) =>
      user.online ? 0 : senders.some((sender) => sender.username === user.username) ? 1 : 2,
    );
    expect(ranks).toEqual([...ranks].sort());
  }, 30_000);

  it('with BOT_AUTHORS=everyone speaks as anyone offline who has not opted out', async () => {
    // No demo users: the only possible authors are the people below.
    const app = await start({ ...BOT, BOT_SEED_USERS: '0', BOT_AUTHORS: 'everyone' });
    const online = await signUp(app.http, { username: uniqueUsername('online') });
    const optedOut = await signUp(app.http, { username: uniqueUsername('optout') });
    const offline = await signUp(app.http, { username: uniqueUsername('offline') });
    const optOut = await app.http.patch(
      '/api/users/me',
      { botOptOut: true },
      { token: optedOut.accessToken },
    );
    expect(optOut.status).toBe(200);
    const socket = await connectSocket(app.baseUrl, online.accessToken);
    sockets.push(socket);
    await waitFor(async () => (await countBotMessages(app.database.url)) >= 10, 20_000);
    expect(await sendersOf(app.database.url)).toEqual([
      { username: offline.user.username, is_demo: false },
    ]);
  }, 30_000);

  it('posts nothing while nobody is connected', async () => {
    const app = await start(BOT);
    await sleep(1500); // fifteen intervals
    expect(await countBotMessages(app.database.url)).toBe(0);
  });

  it('seeds the demo users once; a restart adds none, and nobody can sign in as them', async () => {
    const database = await createTestDatabase();
    databases.push(database);
    const demoCount = async () =>
      (
        await queryDatabase<{ n: string; hashes: string }>(
          database.url,
          'SELECT count(*) AS n, count(password_hash) AS hashes FROM users WHERE is_demo',
        )
      )[0]!;
    const first = await start(BOT, database);
    await waitFor(async () => Number((await demoCount()).n) === 8);
    await first.close();
    apps.splice(apps.indexOf(first), 1);

    await start(BOT, database);
    await sleep(800);
    expect(await demoCount()).toEqual({ n: '8', hashes: '0' });
    const login = await apps[0]!.http.post('/api/auth/login', {
      username: 'ada.l',
      password: 'anything at all',
    });
    expect(login.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('runs on exactly one of two processes, and the other takes over when the leader closes', async () => {
    const database = await createTestDatabase();
    databases.push(database);
    const one = await start(BOT, database);
    const two = await start(BOT, database);
    const leaders = () => apps.filter((app) => app.server.app.get(BotLeadership).isLeader());
    await waitFor(async () => leaders().length === 1);
    await sleep(2500); // the follower has retried the lock at least once
    expect(leaders()).toHaveLength(1);

    const leader = leaders()[0]!;
    const follower = leader === one ? two : one;
    await leader.close();
    apps.splice(apps.indexOf(leader), 1);
    await waitFor(async () => follower.server.app.get(BotLeadership).isLeader(), 10_000);

    const watcher = await connectSocket(follower.baseUrl);
    sockets.push(watcher);
    const general = await generalConversation(follower.http);
    await watcher.call('conversation:join', { conversationId: general.id });
    const message = await watcher.next('message:new', (m) => m.viaBot, 10_000);
    expect(message.viaBot).toBe(true);
  }, 60_000);
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(100);
  }
}
