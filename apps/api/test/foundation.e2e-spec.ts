import { describe, expect, it } from '@jest/globals';
import { queryDatabase } from './support/test-database.js';
import { useTestApp } from './support/use-test-app.js';

describe('foundation', () => {
  const app = useTestApp();

  it('reports a healthy database', async () => {
    const res = await app.http.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', details: { database: { status: 'up' } } });
    expect(res.body.details.redis).toBeUndefined();
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('applies the migrations: the whole data model and the general conversation', async () => {
    const tables = await queryDatabase<{ table_name: string }>(
      app.database.url,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining([
        'conversation_members',
        'conversations',
        'messages',
        'refresh_tokens',
        'users',
      ]),
    );
    const general = await queryDatabase(app.database.url, `SELECT kind, slug FROM conversations`);
    expect(general).toEqual([{ kind: 'general', slug: 'general' }]);
  });

  it('answers an unknown route with 404 NOT_FOUND in the error shape', async () => {
    const res = await app.http.get('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: expect.any(String) });
  });

  it('answers malformed JSON with 400, never 500', async () => {
    const res = await app.http.post('/api/auth/login', undefined, { raw: '{"username": ' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION' });
  });

  it('answers a body that fails the schema with 400 VALIDATION and field details', async () => {
    const res = await app.http.post('/api/auth/signup', { username: 'x', password: 'short' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION');
    const paths = res.body.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['username', 'password']));
  });

  it('serves the OpenAPI document generated from the controllers', async () => {
    const res = await app.http.get('/api/docs-json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toContain('/api/health');
  });
});
