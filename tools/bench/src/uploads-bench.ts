/**
 * Attachments (issue 17): upload of a 5 MiB image to "thumbnail ready" (the 201, which comes
 * after the thumbnail is stored) against peers in the same run, and the RSS of the API process
 * while a 100 MiB file is downloaded several times (downloads must stream).
 *
 *   pnpm bench:uploads            (or: node tools/bench/dist/uploads-bench.js [--rounds N])
 */
import { randomBytes } from 'node:crypto';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { createDatabase, createUsers } from './fixtures.js';
import { Histogram } from './histogram.js';
import { rssBytes } from './proc-stats.js';
import { startApi } from './servers.js';

const MiB = 1024 * 1024;
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 30;

/** A PNG of random pixels (it does not compress): 1296 × 1296 RGB ≈ 5.0 MiB. */
function noisePng(side: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = randomBytes((side * 3 + 1) * side);
  for (let y = 0; y < side; y++) rows[y * (side * 3 + 1)] = 0; // filter: none
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 1 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function upload(url: string, token: string, bytes: Buffer, name: string) {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  const started = performance.now();
  const res = await fetch(`${url}/api/uploads`, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await res.json()) as { id: string; url: string; thumbUrl?: string };
  const ms = performance.now() - started;
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(body)}`);
  return { ms, body };
}

/** A multipart body generated as it is sent: `size` bytes of a repeating pattern. */
function streamedMultipart(size: number, boundary: string): ReadableStream<Uint8Array> {
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n` +
      `Content-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const block = randomBytes(MiB);
  let sent = 0;
  let stage: 'head' | 'body' | 'tail' | 'done' = 'head';
  return new ReadableStream({
    pull(controller) {
      if (stage === 'head') {
        controller.enqueue(head);
        stage = 'body';
      } else if (stage === 'body') {
        const n = Math.min(MiB, size - sent);
        controller.enqueue(block.subarray(0, n));
        sent += n;
        if (sent >= size) stage = 'tail';
      } else if (stage === 'tail') {
        controller.enqueue(tail);
        stage = 'done';
      } else controller.close();
    },
  });
}

function percentiles(samples: number[]) {
  const histogram = new Histogram();
  samples.forEach((ms) => histogram.record(ms));
  return { p50: histogram.percentile(0.5)!, p95: histogram.percentile(0.95)! };
}

const fmt = (ms: number) => ms.toFixed(1);
const mib = (bytes: number) => (bytes / MiB).toFixed(1);

async function main() {
  const db = await createDatabase();
  const api = await startApi(db.url, undefined, {
    UPLOAD_MAX_BYTES: String(200 * MiB),
    RATE_LIMIT_UPLOADS_PER_HOUR: '1000000',
    UPLOAD_BYTES_PER_DAY: String(1e12),
  });
  const scratch = await mkdtemp(join(tmpdir(), 'chat-bench-files-'));
  try {
    const [user] = await createUsers(db, 1, `up_${randomBytes(3).toString('hex')}`);
    const image = noisePng(1296);
    const binary = randomBytes(image.length);
    await writeFile(join(scratch, 'source'), image);
    // Warm-up: sharp's first call loads libvips; the first requests open pool connections.
    for (let i = 0; i < 3; i++) {
      await upload(api.url, user!.token, image, 'warm.png');
      await upload(api.url, user!.token, binary, 'warm.bin');
    }
    const imageMs: number[] = [];
    const binaryMs: number[] = [];
    const copyMs: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const shot = await upload(api.url, user!.token, image, `photo-${i}.png`);
      if (!shot.body.thumbUrl) throw new Error('no thumbnail');
      imageMs.push(shot.ms);
      binaryMs.push((await upload(api.url, user!.token, binary, `data-${i}.bin`)).ms);
      const started = performance.now();
      await copyFile(join(scratch, 'source'), join(scratch, `copy-${i}`));
      copyMs.push(performance.now() - started);
      await rm(join(scratch, `copy-${i}`));
    }

    // Downloads: one 100 MiB file, uploaded streamed, fetched five times; RSS after each.
    const boundary = `bench${randomBytes(8).toString('hex')}`;
    const rssBeforeUpload = rssBytes(api.pid);
    const big = await fetch(`${api.url}/api/uploads`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${user!.token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      body: streamedMultipart(100 * MiB, boundary),
      duplex: 'half',
    } as RequestInit & { duplex: 'half' });
    const stored = (await big.json()) as { id: string; url: string; size: number };
    if (big.status !== 201) throw new Error(`big upload failed: ${JSON.stringify(stored)}`);
    const rssAfterUpload = rssBytes(api.pid);
    const rssAfterDownloads: number[] = [];
    const downloadMs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const res = await fetch(`${api.url}${stored.url}`);
      let received = 0;
      for await (const chunk of res.body! as unknown as AsyncIterable<Uint8Array>)
        received += chunk.length;
      if (received !== stored.size) throw new Error(`short download: ${received}`);
      downloadMs.push(performance.now() - started);
      rssAfterDownloads.push(rssBytes(api.pid));
    }

    const img = percentiles(imageMs);
    const bin = percentiles(binaryMs);
    const cp = percentiles(copyMs);
    const lines = [
      `Run ${new Date().toISOString()}, ${rounds} rounds, Node ${process.version}.`,
      '',
      '| 5 MiB upload (one at a time) | p50 ms | p95 ms |',
      '|---|---:|---:|',
      `| PNG image 1296 × 1296 → 201 with width, height, thumbnail stored | ${fmt(img.p50)} | ${fmt(img.p95)} |`,
      `| same size, random bytes (no image work) → 201 | ${fmt(bin.p50)} | ${fmt(bin.p95)} |`,
      `| fs.copyFile of the same bytes (the floor) | ${fmt(cp.p50)} | ${fmt(cp.p95)} |`,
      '',
      '| API process RSS | MiB |',
      '|---|---:|',
      `| before the 100 MiB upload | ${mib(rssBeforeUpload)} |`,
      `| after it (streamed in) | ${mib(rssAfterUpload)} |`,
      ...rssAfterDownloads.map(
        (rss, i) =>
          `| after download ${i + 1} of 100 MiB (${fmt(downloadMs[i]!)} ms) | ${mib(rss)} |`,
      ),
    ];
    console.log(lines.join('\n'));
  } finally {
    await rm(scratch, { recursive: true, force: true });
    await api.stop();
    await db.drop();
  }
}

await main();
