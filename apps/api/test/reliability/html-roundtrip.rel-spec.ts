import type { Conversation, Message } from '@chat/contracts';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createRoom, joinRoom } from '../factories/conversations.js';
import { signUp, type SignedUpUser } from '../factories/users.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { queryDatabase } from '../support/test-database.js';
import { connectSocket, type TestSocket } from '../support/test-socket.js';

/** Text that a careless server or client would run, decode, normalise or trim on the way. */
const BODIES: readonly string[] = [
  '<script>alert(1)</script><img src=x onerror=alert(1)>',
  '"><svg/onload=alert(document.cookie)>',
  '<a href="javascript:alert(1)">click me</a>',
  '<iframe srcdoc="<script>parent.alert(1)</script>"></iframe>',
  '<style>body{display:none}</style><b>bold?</b>',
  '&lt;b&gt;not bold&lt;/b&gt; &amp;amp; &#x3C;script&#x3E; &#60;',
  '<!-- comment --><![CDATA[ x ]]><?xml version="1.0"?>',
  "{{constructor.constructor('alert(1)')()}} ${alert(1)} #{1+1}",
  '\'; DROP TABLE messages; -- " OR 1=1 \\ \\\\ `backticks`',
  '\u202egnp.exe\u202c RTL override and שלום <b>עולם</b> مرحبا',
  'zero\u200bwidth\u200c\u200djoiners\ufeffBOM\u2060word-joiner',
  '👩‍👩‍👧‍👦 🏳️‍🌈 🇺🇦 👍🏽 🫠 ❤️‍🔥',
  'Z̷̡̢͚a̶̱͐l̷̰̈g̸̳̿o̵̧͒ e\u0301 vs é (NFD and NFC stay as sent)',
  '𝕳𝖊𝖑𝖑𝖔 𠜎𠜱 astral plane',
  'line one\nline two\r\nline three\u2028line four\u2029end',
  'controls \u0001\u0007\u001b[31mred\u001b[0m \u007f and noncharacters \ufffe\uffff',
  '%00 %3Cscript%3E \\u0000 \\x3c literal escapes',
  `${'<b>'.repeat(1333)}!`, // exactly 4000 characters
];

/**
 * Message text with HTML and tricky Unicode is data, not markup: it comes back exactly as sent
 * over the ack, over `message:new` to another client, in `missed` on join and in REST history.
 * (That the web app renders it as text is the web team's Playwright check.)
 */
describe('message text round trip: HTML and tricky Unicode come back byte-identical', () => {
  let app: TestApp;
  let ann: SignedUpUser;
  let bob: SignedUpUser;
  let room: Conversation;
  let annSocket: TestSocket;
  let bobSocket: TestSocket;

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_USER_SENDS_PER_10S: '1000' });
    ann = await signUp(app.http, { displayName: '<img src=x onerror=alert(1)> Ann' });
    bob = await signUp(app.http);
    room = await createRoom(app.http, ann.accessToken, 'Markup Lovers');
    await joinRoom(app.http, bob.accessToken, room.slug!);
    annSocket = await connectSocket(app.baseUrl, ann.accessToken);
    bobSocket = await connectSocket(app.baseUrl, bob.accessToken);
    for (const socket of [annSocket, bobSocket]) {
      expect(await socket.call('conversation:join', { conversationId: room.id })).toMatchObject({
        ok: true,
      });
    }
  }, 60_000);

  afterAll(async () => {
    annSocket?.close();
    bobSocket?.close();
    await app?.close();
  });

  const sameBytes = (received: string, sent: string) => {
    expect(received).toBe(sent);
    expect(Buffer.from(received, 'utf8').equals(Buffer.from(sent, 'utf8'))).toBe(true);
  };

  it('every body is identical in the ack, in message:new, in missed and in history', async () => {
    const acked: Message[] = [];
    for (const body of BODIES) {
      const ack = await annSocket.call<Message>('message:send', {
        conversationId: room.id,
        clientMsgId: randomUUID(),
        body,
      });
      if (!ack.ok)
        throw new Error(
          `send of ${JSON.stringify(body).slice(0, 60)} failed: ${JSON.stringify(ack.error)}`,
        );
      sameBytes(ack.data.body, body);
      expect(ack.data.sender.name).toBe('<img src=x onerror=alert(1)> Ann');
      acked.push(ack.data);
    }

    // Live to another client.
    const last = acked.at(-1)!;
    await bobSocket.next('message:new', (m) => m.id === last.id, 10_000);
    const live = new Map(bobSocket.all('message:new').map((m) => [m.id, m]));
    for (const [i, body] of BODIES.entries()) {
      const message = live.get(acked[i]!.id);
      expect(message).toBeDefined();
      sameBytes(message!.body, body);
      expect(message!.sender.name).toBe('<img src=x onerror=alert(1)> Ann');
    }

    // Catch-up on (re)join.
    const late = await connectSocket(app.baseUrl, bob.accessToken);
    try {
      const joined = await late.call('conversation:join', { conversationId: room.id, afterSeq: 0 });
      if (!joined.ok) throw new Error(JSON.stringify(joined.error));
      const missed = (joined.data.missed as Message[]).filter((m) => m.kind === 'text');
      expect(missed.map((m) => m.id)).toEqual(acked.map((m) => m.id));
      missed.forEach((m, i) => sameBytes(m.body, BODIES[i]!));
    } finally {
      late.close();
    }

    // REST history, as the other member reads it.
    const history = await app.http.get(`/api/conversations/${room.id}/messages?after=0&limit=100`, {
      token: bob.accessToken,
    });
    expect(history.status).toBe(200);
    expect(history.headers.get('content-type')).toMatch(/^application\/json/);
    // (The room also holds a system line, "… joined".)
    const items = (history.body.items as Message[]).filter((m) => m.kind === 'text');
    expect(items.map((m) => m.id)).toEqual(acked.map((m) => m.id));
    items.forEach((m, i) => sameBytes(m.body, BODIES[i]!));

    // And in the database itself, byte for byte.
    const rows = await queryDatabase<{ body: string }>(
      app.database.url,
      `SELECT body FROM messages WHERE conversation_id = $1 AND kind = 'text' ORDER BY seq`,
      [room.id],
    );
    rows.forEach((row, i) => sameBytes(row.body, BODIES[i]!));
  }, 60_000);

  it('trims only the ends, as the contract says (1–4000 characters after trim)', async () => {
    const body = '  \n <b>inner  spaces   kept</b>\t \n';
    const ack = await annSocket.call<Message>('message:send', {
      conversationId: room.id,
      clientMsgId: randomUUID(),
      body,
    });
    expect(ack).toMatchObject({ ok: true, data: { body: body.trim() } });
  });

  it('refuses text it could not store as sent (a lone surrogate) instead of altering it', async () => {
    const count = async () =>
      (
        await queryDatabase<{ n: string }>(app.database.url, 'SELECT count(*) AS n FROM messages')
      )[0]!.n;
    const before = await count();
    for (const body of ['lone \ud800 high', 'lone \udc00 low', 'reversed \udc00\ud800 pair']) {
      const ack = await annSocket.call('message:send', {
        conversationId: room.id,
        clientMsgId: randomUUID(),
        body,
      });
      expect(ack).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(await count()).toBe(before);
  });
});
