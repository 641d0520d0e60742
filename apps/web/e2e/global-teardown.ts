import pg from 'pg';
import { ADMIN_DATABASE_URL } from './support/e2e-env';

/** Drops this run's databases (FORCE: the API may still hold connections while it stops). */
export default async function globalTeardown(): Promise<void> {
  const suffix = process.env.E2E_DATABASE_SUFFIX;
  if (!suffix) return;
  const client = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    for (const name of [`chat_e2e_${suffix}`, `chat_e2e_${suffix}_bot`]) {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}
