import pg from 'pg';
import { ADMIN_DATABASE_URL } from './support/e2e-env';

/** Drops this run's databases (FORCE: the API may still hold connections while it stops). */
export default async function globalTeardown(): Promise<void> {
  const suffix = process.env.E2E_DATABASE_SUFFIX;
  if (!suffix) return;
  const client = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`,
      [`chat_e2e_${suffix}`, `chat_e2e_${suffix}\\_%`],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}
