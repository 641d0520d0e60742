// Creates the fresh database the e2e API server runs on. It runs as part of the webServer
// command because Playwright starts web servers before globalSetup.
import pg from 'pg';

const name = process.env.E2E_DATABASE_NAME;
const adminUrl = process.env.E2E_ADMIN_DATABASE_URL;
if (!name || !/^chat_e2e_[a-z0-9_]+$/.test(name) || !adminUrl) {
  console.error('E2E_DATABASE_NAME (chat_e2e_*) and E2E_ADMIN_DATABASE_URL must be set');
  process.exit(1);
}

const client = new pg.Client({ connectionString: adminUrl });
await client.connect();
try {
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
} finally {
  await client.end();
}
