import { describe, expect, it } from '@jest/globals';
import { request } from 'node:http';
import { signUp } from './factories/users.js';
import { connectSocket } from './support/test-socket.js';
import { useTestApp } from './support/use-test-app.js';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * A request with exactly the Host and Origin headers given, as a browser that opened the app at
 * that address would send them (fetch cannot set Host).
 */
function rawRequest(
  baseUrl: string,
  path: string,
  headers: Record<string, string>,
  method = 'GET',
): Promise<RawResponse> {
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** The first request of a Socket.IO session (long-polling), refused with 403 by the Origin check. */
const pollingHandshake = (baseUrl: string, headers: Record<string, string>) =>
  rawRequest(baseUrl, '/socket.io/?EIO=4&transport=polling', headers);

/** Where people open the app: other ports, names and addresses than the configured ones. */
const OWN_ORIGINS: Array<[host: string, origin: string]> = [
  ['127.0.0.1:4000', 'http://127.0.0.1:4000'],
  ['localhost:4000', 'http://localhost:4000'],
  ['192.168.1.20:3000', 'http://192.168.1.20:3000'],
  ['chat.example', 'https://chat.example'],
  ['chat.example:443', 'https://chat.example'],
  ['chat.example:8443', 'https://chat.example:8443'],
  ['[::1]:3000', 'http://[::1]:3000'],
  ['CHAT.example:8080', 'http://chat.example:8080'],
];

/** Origins that are not the page's own (nor listed in CORS_ORIGINS). */
const FOREIGN: Array<[host: string, origin: string]> = [
  ['127.0.0.1:4000', 'http://evil.example'],
  ['127.0.0.1:4000', 'http://127.0.0.1:4001'],
  ['127.0.0.1:4000', 'http://127.0.0.1'],
  ['chat.example', 'http://chat.example.evil.example'],
  ['chat.example', 'https://chat.example:444'],
  ['chat.example:8080', 'http://evil.example:8080'],
  ['127.0.0.1:4000', 'null'],
  ['127.0.0.1:4000', 'file://'],
  ['127.0.0.1:4000', 'ws://127.0.0.1:4000'],
  ['127.0.0.1:4000', 'http://127.0.0.1:4000/path'],
  ['127.0.0.1:4000', 'http://user@127.0.0.1:4000'],
  ['evil.example@127.0.0.1:4000', 'http://127.0.0.1:4000'],
  ['', 'http://127.0.0.1:4000'],
];

describe('origins: the page’s own origin always works, foreign ones never', () => {
  const app = useTestApp();

  it('admits the page’s own origin on any host, port or address (socket handshake)', async () => {
    for (const [host, origin] of OWN_ORIGINS) {
      const res = await pollingHandshake(app.baseUrl, { host, origin });
      expect({ host, origin, status: res.status }).toEqual({ host, origin, status: 200 });
      expect(res.headers['access-control-allow-origin']).toBe(origin);
    }
  });

  it('refuses foreign origins with 403 (socket handshake)', async () => {
    for (const [host, origin] of FOREIGN) {
      const res = await pollingHandshake(app.baseUrl, { host, origin });
      expect({ host, origin, status: res.status }).toEqual({ host, origin, status: 403 });
    }
  });

  it('keeps admitting the CORS_ORIGINS list on any host', async () => {
    const res = await pollingHandshake(app.baseUrl, {
      host: '127.0.0.1:4000',
      origin: 'http://localhost:5173',
    });
    expect(res.status).toBe(200);
  });

  it('connects a real WebSocket from the app’s own, non-default origin and chats', async () => {
    const ann = await signUp(app.http);
    // app.baseUrl is http://127.0.0.1:<random port>: neither localhost nor 3000.
    expect(app.baseUrl).not.toMatch(/:3000$/);
    const socket = await connectSocket(app.baseUrl, ann.accessToken, { origin: app.baseUrl });
    try {
      expect((await socket.next('session')).user?.id).toBe(ann.user.id);
      const rooms = await app.http.get('/api/rooms');
      const general = rooms.body.items.find((room: { kind: string }) => room.kind === 'general');
      const joined = await socket.call('conversation:join', { conversationId: general.id });
      expect(joined.ok).toBe(true);
    } finally {
      socket.close();
    }
    await expect(
      connectSocket(app.baseUrl, ann.accessToken, { origin: 'http://127.0.0.1:1' }),
    ).rejects.toThrow();
  });

  it('answers CORS for REST to the page’s own origin and the list, never to a foreign one', async () => {
    for (const [host, origin] of OWN_ORIGINS) {
      const res = await rawRequest(app.baseUrl, '/api/rooms', { host, origin });
      expect(res.status).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBe(origin);
      expect(res.headers['access-control-allow-credentials']).toBe('true');
      const preflight = await rawRequest(
        app.baseUrl,
        '/api/auth/refresh',
        { host, origin, 'access-control-request-method': 'POST' },
        'OPTIONS',
      );
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe(origin);
    }
    const listed = await rawRequest(app.baseUrl, '/api/rooms', {
      host: '127.0.0.1:4000',
      origin: 'http://localhost:5173',
    });
    expect(listed.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    for (const [host, origin] of FOREIGN) {
      const res = await rawRequest(app.baseUrl, '/api/rooms', { host, origin });
      expect({ origin, acao: res.headers['access-control-allow-origin'] }).toEqual({
        origin,
        acao: undefined,
      });
    }
  });
});

describe('origins behind a proxy (TRUST_PROXY=true)', () => {
  const app = useTestApp({ TRUST_PROXY: 'true', CORS_ORIGINS: 'http://dev.example:5173' });

  it('takes the address the browser used from X-Forwarded-Host', async () => {
    const res = await pollingHandshake(app.baseUrl, {
      host: 'api:3000',
      'x-forwarded-host': 'chat.example:8080',
      origin: 'http://chat.example:8080',
    });
    expect(res.status).toBe(200);
    const foreign = await pollingHandshake(app.baseUrl, {
      host: 'api:3000',
      'x-forwarded-host': 'chat.example:8080',
      origin: 'http://api:3000',
    });
    expect(foreign.status).toBe(403);
    // CORS_ORIGINS replaces the default list, and the page's own origin still works.
    const dev = await pollingHandshake(app.baseUrl, {
      host: 'api:3000',
      origin: 'http://localhost:5173',
    });
    expect(dev.status).toBe(403);
    const listed = await pollingHandshake(app.baseUrl, {
      host: 'api:3000',
      origin: 'http://dev.example:5173',
    });
    expect(listed.status).toBe(200);
  });
});

describe('origins without TRUST_PROXY', () => {
  const app = useTestApp();

  it('ignores X-Forwarded-Host, which any client can send', async () => {
    const res = await pollingHandshake(app.baseUrl, {
      host: '127.0.0.1:4000',
      'x-forwarded-host': 'evil.example',
      origin: 'http://evil.example',
    });
    expect(res.status).toBe(403);
  });
});
