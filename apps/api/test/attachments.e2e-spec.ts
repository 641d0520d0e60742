import type { ApiErrorBody, Message } from '@chat/contracts';
import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import sharp from 'sharp';
import { AttachmentUrls } from '../src/modules/attachments/index.js';
import {
  createRoom,
  history,
  joinConversation,
  joinRoom,
  openThread,
} from './factories/conversations.js';
import { signUp, TEST_JWT_SECRET } from './factories/users.js';
import { queryDatabase } from './support/test-database.js';
import { download, filesUnder, pngOf, tinyPdf, upload } from './support/uploads.js';
import { useTestApp, type TestAppFixture } from './support/use-test-app.js';

const uploadsOf = (app: TestAppFixture) => join(app.app.server.config.DATA_DIR, 'uploads');

/** Polls `check` until it holds (the clean-up runs on its own timer). */
async function eventually(check: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`never happened: ${what}`);
}

describe('attachments: upload, type, name, size', () => {
  const app = useTestApp({
    UPLOAD_MAX_BYTES: String(256 * 1024),
    UPLOAD_MAX_IMAGE_PIXELS: '1000000',
  });

  it('an image gets its size and a webp thumbnail of at most 512 px; both served inline and streamed', async () => {
    const user = await signUp(app.http);
    const png = await pngOf(1200, 600);
    const res = await upload(app.baseUrl, user.accessToken, png, 'wide.png', 'image/png');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'wide.png',
      size: png.length,
      contentType: 'image/png',
      width: 1200,
      height: 600,
    });
    const file = await download(app.baseUrl, res.body.url);
    expect(file.status).toBe(200);
    expect(file.bytes.equals(png)).toBe(true);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('content-length')).toBe(String(png.length));
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
    expect(file.headers.get('content-disposition')).toMatch(/^inline; filename="wide.png"/);
    expect(file.headers.get('cache-control')).toMatch(/^private, max-age=\d+$/);

    const thumb = await download(app.baseUrl, res.body.thumbUrl!);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    const meta = await sharp(thumb.bytes).metadata();
    expect(meta.format).toBe('webp');
    expect([meta.width, meta.height]).toEqual([512, 256]);
  });

  it('a small image is not enlarged; a PDF has no size or thumbnail and is a download', async () => {
    const user = await signUp(app.http);
    const small = await upload(app.baseUrl, user.accessToken, await pngOf(40, 30), 'dot.png');
    expect(small.body).toMatchObject({ width: 40, height: 30 });
    const meta = await sharp((await download(app.baseUrl, small.body.thumbUrl!)).bytes).metadata();
    expect([meta.width, meta.height]).toEqual([40, 30]);

    const pdf = await upload(app.baseUrl, user.accessToken, tinyPdf(), 'notes.pdf');
    expect(pdf.status).toBe(201);
    expect(pdf.body.contentType).toBe('application/pdf');
    expect(pdf.body).not.toHaveProperty('width');
    expect(pdf.body).not.toHaveProperty('thumbUrl');
    const file = await download(app.baseUrl, pdf.body.url);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="notes.pdf"/);
    const thumbPath = pdf.body.url.replace('?', '/thumb?');
    expect((await download(app.baseUrl, thumbPath, user.accessToken)).status).toBe(404);
  });

  it('a type that lies is stored as what its bytes say: an HTML ".png" is text and a download; SVG is never inline', async () => {
    const user = await signUp(app.http);
    const html = Buffer.from('<html><body><script>alert(1)</script></body></html>');
    const lying = await upload(app.baseUrl, user.accessToken, html, 'cat.png', 'image/png');
    expect(lying.status).toBe(201);
    expect(lying.body.contentType).toBe('text/plain; charset=utf-8');
    expect(lying.body).not.toHaveProperty('thumbUrl');
    const served = await download(app.baseUrl, lying.body.url);
    expect(served.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(served.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');

    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
    );
    const drawing = await upload(app.baseUrl, user.accessToken, svg, 'logo.svg', 'image/svg+xml');
    expect(drawing.status).toBe(201);
    expect(drawing.body.contentType).not.toBe('image/svg+xml');
    expect(drawing.body).not.toHaveProperty('thumbUrl');
    const svgServed = await download(app.baseUrl, drawing.body.url);
    expect(svgServed.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(svgServed.headers.get('content-type')).not.toMatch(/svg/);

    const binary = await upload(app.baseUrl, user.accessToken, Buffer.from([0, 1, 2, 3]), 'x.bin');
    expect(binary.body.contentType).toBe('application/octet-stream');
  });

  it('a path-looking name is stored as its base name, without control characters, capped in length', async () => {
    const user = await signUp(app.http);
    const bytes = Buffer.from('hello');
    expect((await upload(app.baseUrl, user.accessToken, bytes, '../../x')).body.name).toBe('x');
    expect((await upload(app.baseUrl, user.accessToken, bytes, '..\\..\\win.txt')).body.name).toBe(
      'win.txt',
    );
    expect((await upload(app.baseUrl, user.accessToken, bytes, 'a\tb\u202e.txt')).body.name).toBe(
      'ab.txt',
    );
    const long = await upload(app.baseUrl, user.accessToken, bytes, `${'n'.repeat(300)}.txt`);
    expect([...long.body.name].length).toBe(200);
    expect(long.body.name.endsWith('.txt')).toBe(true);
    const quoted = await upload(app.baseUrl, user.accessToken, bytes, 'a;b ü.txt');
    const served = await download(app.baseUrl, quoted.body.url);
    expect(served.headers.get('content-disposition')).toBe(
      `attachment; filename="a_b _.txt"; filename*=UTF-8''a%3Bb%20%C3%BC.txt`,
    );
  });

  it('over UPLOAD_MAX_BYTES is 413 PAYLOAD_TOO_LARGE and leaves nothing on disk', async () => {
    const user = await signUp(app.http);
    const before = await filesUnder(uploadsOf(app));
    const res = await upload(app.baseUrl, user.accessToken, Buffer.alloc(256 * 1024 + 1, 7), 'big');
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await filesUnder(uploadsOf(app))).toEqual(before);
    // Exactly the limit is fine.
    expect(
      (await upload(app.baseUrl, user.accessToken, Buffer.alloc(256 * 1024, 7), 'ok')).status,
    ).toBe(201);
  });

  it('bad requests: no token 401, not multipart 400, a field instead of the file 400', async () => {
    expect((await upload(app.baseUrl, undefined, Buffer.from('x'), 'x')).status).toBe(401);
    const user = await signUp(app.http);
    const json = await app.http.post<ApiErrorBody>(
      '/api/uploads',
      { file: 'x' },
      {
        token: user.accessToken,
      },
    );
    expect(json.status).toBe(400);
    expect(json.body.code).toBe('VALIDATION');
    const form = new FormData();
    form.append('other', 'text');
    const res = await fetch(`${app.baseUrl}/api/uploads`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${user.accessToken}` },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ApiErrorBody).code).toBe('VALIDATION');
  });

  it('an image with too many pixels (a decompression bomb) is refused before it is decoded', async () => {
    const user = await signUp(app.http);
    // 3000 x 3000 of one colour, over this app's 1 MP limit: a small file that decodes big.
    const bomb = await sharp({
      create: { width: 3000, height: 3000, channels: 3, background: '#000' },
    })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(256 * 1024);
    const res = await upload(app.baseUrl, user.accessToken, bomb, 'bomb.png');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION');
  });
});

describe('attachments: who may read, signatures, messages', () => {
  const app = useTestApp();

  async function roomWith() {
    const owner = await signUp(app.http);
    const member = await signUp(app.http);
    const outsider = await signUp(app.http);
    const room = await createRoom(app.http, owner.accessToken, `Files ${randomUUID().slice(0, 8)}`);
    await joinRoom(app.http, member.accessToken, room.slug!);
    return { owner, member, outsider, room };
  }

  const post = (conversationId: string, token: string, body: Record<string, unknown>) =>
    app.http.post<Message & Partial<ApiErrorBody>>(
      `/api/conversations/${conversationId}/messages`,
      { clientMsgId: randomUUID(), body: '', ...body },
      { token },
    );

  it('before posting only the uploader may read it; after, readers of the conversation; others 404', async () => {
    const { owner, member, outsider, room } = await roomWith();
    const file = (await upload(app.baseUrl, owner.accessToken, tinyPdf(), 'plan.pdf')).body;
    const path = `/api/attachments/${file.id}`;
    expect((await download(app.baseUrl, path, owner.accessToken)).status).toBe(200);
    expect((await download(app.baseUrl, path, member.accessToken)).status).toBe(404);
    expect((await download(app.baseUrl, path)).status).toBe(401);
    expect(
      (await download(app.baseUrl, `/api/attachments/${randomUUID()}`, owner.accessToken)).status,
    ).toBe(404);

    const sent = await post(room.id, owner.accessToken, {
      body: 'the plan',
      attachmentIds: [file.id],
    });
    expect(sent.status).toBe(201);
    expect(sent.body.attachments).toHaveLength(1);
    expect((await download(app.baseUrl, path, member.accessToken)).status).toBe(200);
    expect((await download(app.baseUrl, path, outsider.accessToken)).status).toBe(404);
    // A private thread's attachment: not even its id helps a third person.
    const thread = await openThread(app.http, owner.accessToken, member.user.id);
    const secret = (await upload(app.baseUrl, owner.accessToken, tinyPdf(), 's.pdf')).body;
    await post(thread.id, owner.accessToken, { attachmentIds: [secret.id] });
    expect(
      (await download(app.baseUrl, `/api/attachments/${secret.id}`, outsider.accessToken)).status,
    ).toBe(404);
    expect(
      (await download(app.baseUrl, `/api/attachments/${secret.id}`, member.accessToken)).status,
    ).toBe(200);
  });

  it('a signed URL works without a token until it expires; altered, expired or for the other variant it does not', async () => {
    const user = await signUp(app.http);
    const image = (await upload(app.baseUrl, user.accessToken, await pngOf(64, 64), 'a.png')).body;
    const url = new URL(image.url, app.baseUrl);
    const exp = Number(url.searchParams.get('exp'));
    const nowS = Date.now() / 1000;
    expect(exp - nowS).toBeGreaterThan(0);
    expect(exp - nowS).toBeLessThanOrEqual(3600);
    expect((await download(app.baseUrl, image.url)).status).toBe(200);

    const tampered = image.url.replace(/sig=./, (s) => (s.endsWith('A') ? 'sig=B' : 'sig=A'));
    expect((await download(app.baseUrl, tampered)).status).toBe(401);
    const longer = image.url.replace(`exp=${exp}`, `exp=${exp + 60}`);
    expect((await download(app.baseUrl, longer)).status).toBe(401);
    const signer = new AttachmentUrls(TEST_JWT_SECRET, 3600);
    const expired = signer.signedUrl(image.id, 'file', Math.floor(nowS) - 1);
    expect((await download(app.baseUrl, expired)).status).toBe(401);
    const valid = signer.signedUrl(image.id, 'file', Math.floor(nowS) + 600);
    expect((await download(app.baseUrl, valid)).status).toBe(200);
    // Beyond the hour the contract allows, even well signed.
    const tooLong = signer.signedUrl(image.id, 'file', Math.floor(nowS) + 7200);
    expect((await download(app.baseUrl, tooLong)).status).toBe(401);
    // The thumbnail's signature does not open the file.
    const thumbSig = new URL(image.thumbUrl!, app.baseUrl).search;
    expect((await download(app.baseUrl, `/api/attachments/${image.id}${thumbSig}`)).status).toBe(
      401,
    );
    // Another attachment's signature does not open this one.
    const other = (await upload(app.baseUrl, user.accessToken, Buffer.from('x'), 'x.txt')).body;
    const otherSig = new URL(other.url, app.baseUrl).search;
    expect((await download(app.baseUrl, `/api/attachments/${image.id}${otherSig}`)).status).toBe(
      401,
    );
  });

  it('sends over the socket with attachments: subscribers get them with URLs; the body may be empty only with attachments', async () => {
    const { owner, member, room } = await roomWith();
    const ownerSocket = await app.connect(owner.accessToken);
    const memberSocket = await app.connect(member.accessToken);
    await joinConversation(ownerSocket, room.id);
    await joinConversation(memberSocket, room.id);
    const png = await pngOf(100, 50);
    const image = (await upload(app.baseUrl, owner.accessToken, png, 'p.png')).body;
    const pdf = (await upload(app.baseUrl, owner.accessToken, tinyPdf(), 'd.pdf')).body;
    const ack = await ownerSocket.call<Message>('message:send', {
      conversationId: room.id,
      clientMsgId: randomUUID(),
      body: '',
      attachmentIds: [pdf.id, image.id],
    });
    expect(ack.ok).toBe(true);
    const seen = (await memberSocket.next(
      'message:new',
      (m) => m.attachments.length > 0,
    )) as Message;
    expect(seen.body).toBe('');
    expect(seen.attachments.map((a) => a.id)).toEqual([pdf.id, image.id]);
    expect(seen.attachments[1]).toMatchObject({ width: 100, height: 50, contentType: 'image/png' });
    const thumb = await download(app.baseUrl, seen.attachments[1]!.thumbUrl!);
    expect(thumb.status).toBe(200);
    const pdfBytes = await download(app.baseUrl, seen.attachments[0]!.url);
    expect(pdfBytes.bytes.equals(tinyPdf())).toBe(true);

    const page = await history(app.http, room.id, member.accessToken);
    expect(page.body.items.at(-1)!.attachments.map((a) => a.id)).toEqual([pdf.id, image.id]);

    const empty = await ownerSocket.call<Message>('message:send', {
      conversationId: room.id,
      clientMsgId: randomUUID(),
      body: '   ',
    });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error.code).toBe('VALIDATION');
  });

  it('only the sender’s own unused uploads: others’ VALIDATION, used CONFLICT, more than 10 VALIDATION; a retry answers the original', async () => {
    const { owner, member, room } = await roomWith();
    const mine = (await upload(app.baseUrl, owner.accessToken, tinyPdf(), 'm.pdf')).body;
    const theirs = (await upload(app.baseUrl, member.accessToken, tinyPdf(), 't.pdf')).body;

    const others = await post(room.id, owner.accessToken, { attachmentIds: [theirs.id] });
    expect(others.status).toBe(400);
    expect(others.body.code).toBe('VALIDATION');
    const unknown = await post(room.id, owner.accessToken, { attachmentIds: [randomUUID()] });
    expect(unknown.body.code).toBe('VALIDATION');
    const tooMany = await post(room.id, owner.accessToken, {
      attachmentIds: Array.from({ length: 11 }, () => randomUUID()),
    });
    expect(tooMany.body.code).toBe('VALIDATION');
    const noBody = await post(room.id, owner.accessToken, {});
    expect(noBody.body.code).toBe('VALIDATION');
    // Nothing was written by the refused sends.
    expect(
      (await history(app.http, room.id, owner.accessToken)).body.items.filter(
        (m) => m.kind === 'text',
      ),
    ).toEqual([]);

    const clientMsgId = randomUUID();
    const first = await post(room.id, owner.accessToken, { clientMsgId, attachmentIds: [mine.id] });
    expect(first.status).toBe(201);
    const retry = await post(room.id, owner.accessToken, { clientMsgId, attachmentIds: [mine.id] });
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.body.attachments.map((a) => a.id)).toEqual([mine.id]);
    const reused = await post(room.id, owner.accessToken, {
      body: 'again',
      attachmentIds: [mine.id],
    });
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('CONFLICT');
    // The refused send took no number: the next message follows the first.
    const next = await post(room.id, owner.accessToken, { body: 'next' });
    expect(next.body.seq).toBe(first.body.seq + 1);
  });

  it('an edit keeps the attachments; a delete removes them: the tombstone has none and the files are gone', async () => {
    const { owner, member, room } = await roomWith();
    const image = (await upload(app.baseUrl, owner.accessToken, await pngOf(80, 80), 'e.png')).body;
    const sent = (
      await post(room.id, owner.accessToken, { body: 'look', attachmentIds: [image.id] })
    ).body;
    const edited = await app.http.patch<Message>(
      `/api/messages/${sent.id}`,
      { body: 'look at this' },
      { token: owner.accessToken },
    );
    expect(edited.status).toBe(200);
    expect(edited.body.attachments.map((a) => a.id)).toEqual([image.id]);
    const files = await filesUnder(uploadsOf(app));
    expect(files.filter((f) => f.includes(image.id))).toHaveLength(2);

    const deleted = await app.http.delete<Message>(`/api/messages/${sent.id}`, {
      token: owner.accessToken,
    });
    expect(deleted.status).toBe(200);
    expect(deleted.body.attachments).toEqual([]);
    expect((await download(app.baseUrl, image.url)).status).toBe(404);
    expect((await download(app.baseUrl, image.thumbUrl!)).status).toBe(404);
    expect(
      (await download(app.baseUrl, `/api/attachments/${image.id}`, member.accessToken)).status,
    ).toBe(404);
    expect((await filesUnder(uploadsOf(app))).filter((f) => f.includes(image.id))).toEqual([]);
    const page = await history(app.http, room.id, member.accessToken);
    expect(page.body.items.find((m) => m.id === sent.id)!.attachments).toEqual([]);
  });
});

describe('attachments: orphan clean-up', () => {
  const app = useTestApp({ UPLOAD_CLEANUP_INTERVAL_MS: '200' });

  it('deletes uploads no message took within 24 h (row and file), and keeps the ones messages carry', async () => {
    const user = await signUp(app.http);
    const room = await createRoom(app.http, user.accessToken, `Clean ${randomUUID().slice(0, 8)}`);
    const orphan = (await upload(app.baseUrl, user.accessToken, await pngOf(30, 30), 'o.png')).body;
    const fresh = (await upload(app.baseUrl, user.accessToken, tinyPdf(), 'f.pdf')).body;
    const kept = (await upload(app.baseUrl, user.accessToken, tinyPdf(), 'k.pdf')).body;
    await app.http.post(
      `/api/conversations/${room.id}/messages`,
      { clientMsgId: randomUUID(), body: 'keep', attachmentIds: [kept.id] },
      { token: user.accessToken },
    );
    await queryDatabase(
      app.database.url,
      `UPDATE attachments SET created_at = now() - interval '25 hours' WHERE id = ANY($1::uuid[])`,
      [[orphan.id, kept.id]],
    );
    const ids = async () =>
      (await queryDatabase<{ id: string }>(app.database.url, `SELECT id FROM attachments`)).map(
        (r) => r.id,
      );
    await eventually(async () => !(await ids()).includes(orphan.id), 'the orphan row is deleted');
    expect(await ids()).toEqual(expect.arrayContaining([fresh.id, kept.id]));
    const files = await filesUnder(uploadsOf(app));
    expect(files.filter((f) => f.includes(orphan.id))).toEqual([]);
    expect(files.filter((f) => f.includes(kept.id))).toHaveLength(1);
    expect((await download(app.baseUrl, orphan.url)).status).toBe(404);
    expect((await download(app.baseUrl, kept.url)).status).toBe(200);
  });
});

describe('attachments: rate limits', () => {
  const app = useTestApp({ RATE_LIMIT_UPLOADS_PER_HOUR: '3', UPLOAD_BYTES_PER_DAY: '3000' });

  it('uploads per hour: past the limit RATE_LIMITED with retryAfterMs', async () => {
    const user = await signUp(app.http);
    for (let i = 0; i < 3; i++)
      expect((await upload(app.baseUrl, user.accessToken, Buffer.from('x'), 'x')).status).toBe(201);
    const refused = await upload(app.baseUrl, user.accessToken, Buffer.from('x'), 'x');
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    expect((refused.body.details as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);
    // Another user has their own count.
    const other = await signUp(app.http);
    expect((await upload(app.baseUrl, other.accessToken, Buffer.from('x'), 'x')).status).toBe(201);
  });

  it('bytes per day: an upload past what is left is refused and kept nowhere; a smaller one still fits', async () => {
    const user = await signUp(app.http);
    expect((await upload(app.baseUrl, user.accessToken, Buffer.alloc(2000, 1), 'a')).status).toBe(
      201,
    );
    const before = await filesUnder(uploadsOf(app));
    const refused = await upload(app.baseUrl, user.accessToken, Buffer.alloc(2000, 1), 'b');
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    expect(await filesUnder(uploadsOf(app))).toEqual(before);
    expect((await upload(app.baseUrl, user.accessToken, Buffer.alloc(900, 1), 'c')).status).toBe(
      201,
    );
  });
});
