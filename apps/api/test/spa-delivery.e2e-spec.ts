import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { startTestApp, type TestApp } from './support/test-app.js';

const SCRIPT = `console.log(${JSON.stringify('hello '.repeat(500))});`;
const INDEX = '<!doctype html><script type="module" src="/assets/index-Ab12Cd34.js"></script>';

/** A raw GET: fetch would add its own Accept-Encoding and decode the body. */
function get(baseUrl: string, path: string, acceptEncoding?: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
      request(`${baseUrl}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
        .on('error', reject)
        .end();
    },
  );
}

describe('delivery of the built SPA', () => {
  let app: TestApp;
  let dist: string;

  beforeAll(async () => {
    // A build as the web app's `precompress` plugin leaves it: hashed assets with .br and .gz.
    dist = await mkdtemp(join(tmpdir(), 'chat-dist-'));
    await mkdir(join(dist, 'assets'));
    await writeFile(join(dist, 'index.html'), INDEX);
    await writeFile(join(dist, 'assets/index-Ab12Cd34.js'), SCRIPT);
    await writeFile(join(dist, 'assets/index-Ab12Cd34.js.br'), brotliCompressSync(SCRIPT));
    await writeFile(join(dist, 'assets/index-Ab12Cd34.js.gz'), gzipSync(SCRIPT));
    app = await startTestApp({ WEB_DIST_DIR: dist });
  });
  afterAll(async () => {
    await app?.close();
    await rm(dist, { recursive: true, force: true });
  });

  it('sends the brotli copy of a hashed asset to a browser that accepts it, cached for a year', async () => {
    const res = await get(app.baseUrl, '/assets/index-Ab12Cd34.js', 'gzip, deflate, br, zstd');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(brotliDecompressSync(res.body).toString()).toBe(SCRIPT);
    expect(res.body.length).toBeLessThan(SCRIPT.length / 4);
  });

  it('sends gzip where brotli is not accepted, and the plain file where nothing is', async () => {
    const gzip = await get(app.baseUrl, '/assets/index-Ab12Cd34.js', 'gzip, br;q=0');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(SCRIPT);

    const plain = await get(app.baseUrl, '/assets/index-Ab12Cd34.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers index.html with no-cache, at / and for client routes', async () => {
    for (const path of ['/', '/index.html', '/rooms/night-owls', '/u/ann']) {
      const res = await get(app.baseUrl, path, 'gzip, br');
      expect({ path, status: res.status, cache: res.headers['cache-control'] }).toEqual({
        path,
        status: 200,
        cache: 'no-cache',
      });
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body.toString()).toBe(INDEX);
    }
  });

  it('answers a hashed asset that is not in the build with 404, not the page', async () => {
    const res = await get(app.baseUrl, '/assets/index-OldBuild.js', 'br');
    expect(res.status).toBe(404);
    const api = await get(app.baseUrl, '/api/health');
    expect(api.status).toBe(200);
  });
});
