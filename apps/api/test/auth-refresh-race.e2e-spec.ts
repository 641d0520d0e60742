import { describe, expect, it } from '@jest/globals';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { refreshCookieOf, signUp } from './factories/users.js';
import { queryDatabase } from './support/test-database.js';
import { useTestApp } from './support/use-test-app.js';

const RACES = 50;

describe('auth: refresh rotation under concurrent use', () => {
  const app = useTestApp();

  /** A fresh sign-in (a new refresh family) for `userId`, written straight into the table. */
  async function newFamily(userId: string): Promise<{ cookie: string; familyId: string }> {
    const token = randomBytes(32).toString('base64url');
    const familyId = randomUUID();
    await queryDatabase(
      app.database.url,
      `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at)
       VALUES ($1, $2, $3, now() + interval '1 day')`,
      [userId, familyId, createHash('sha256').update(token).digest('hex')],
    );
    return { cookie: `rt=${token}`, familyId };
  }

  const refresh = (cookie: string) => app.http.post('/api/auth/refresh', undefined, { cookie });

  it(`lets exactly one of two concurrent uses win and then revokes the whole family (${RACES} races)`, async () => {
    const ann = await signUp(app.http);
    const outcomes: string[] = [];
    for (let race = 0; race < RACES; race++) {
      const { cookie, familyId } = await newFamily(ann.user.id);
      const answers = await Promise.all([refresh(cookie), refresh(cookie)]);
      const statuses = answers.map((answer) => answer.status).sort();
      const winner = answers.find((answer) => answer.status === 200);
      const loser = answers.find((answer) => answer.status !== 200);
      // The winner's new token is dead too: the loser's use was a reuse of a spent token.
      const afterwards = winner ? (await refresh(refreshCookieOf(winner.headers))).status : null;
      const live = await queryDatabase(
        app.database.url,
        'SELECT id FROM refresh_tokens WHERE family_id = $1 AND revoked_at IS NULL',
        [familyId],
      );
      outcomes.push(
        JSON.stringify({
          statuses,
          loserCode: loser?.body.code,
          winnerGotToken: typeof winner?.body.accessToken === 'string',
          afterwards,
          live: live.length,
        }),
      );
    }
    const expected = JSON.stringify({
      statuses: [200, 401],
      loserCode: 'UNAUTHORIZED',
      winnerGotToken: true,
      afterwards: 401,
      live: 0,
    });
    expect(outcomes).toEqual(Array.from({ length: RACES }, () => expected));
  }, 120_000);

  it('issues one successor per use: a family never holds two live tokens', async () => {
    const ann = await signUp(app.http);
    const { cookie, familyId } = await newFamily(ann.user.id);
    let current = cookie;
    for (let step = 0; step < 5; step++) {
      const res = await refresh(current);
      expect(res.status).toBe(200);
      current = refreshCookieOf(res.headers);
      const live = await queryDatabase(
        app.database.url,
        'SELECT id FROM refresh_tokens WHERE family_id = $1 AND revoked_at IS NULL',
        [familyId],
      );
      expect(live).toHaveLength(1);
    }
  });

  it('does not revoke a family for an expired token (nothing was stolen), but refuses it', async () => {
    const ann = await signUp(app.http);
    const { cookie, familyId } = await newFamily(ann.user.id);
    const rotated = refreshCookieOf((await refresh(cookie)).headers);
    await queryDatabase(
      app.database.url,
      "UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE family_id = $1 AND revoked_at IS NULL",
      [familyId],
    );
    const expired = await refresh(rotated);
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('UNAUTHORIZED');
  });
});
