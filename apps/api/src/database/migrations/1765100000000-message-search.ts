import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17, search: `messages.search_vector`, kept by PostgreSQL as a stored generated column,
 * and a GIN index on it.
 *
 * - The configuration is named (`'simple'`): `to_tsvector(regconfig, text)` is immutable only
 *   with an explicit configuration, which a generated column and the index need; and `simple`
 *   lowercases words without stemming or stop words, the same for every language
 *   (docs/decisions.md, "Search").
 * - Only live text messages are searchable: a tombstone (`deleted_at` set, body emptied) and
 *   system and game lines get NULL, which never matches, so the query needs no extra filter
 *   for them and the index holds nothing for them.
 * - Adding the column rewrites `messages` once (a stored column is computed for every row).
 */
export class MessageSearch1765100000000 implements MigrationInterface {
  name = 'MessageSearch1765100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE messages ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        CASE WHEN kind = 'text' AND deleted_at IS NULL THEN to_tsvector('simple', body) END
      ) STORED`);
    await db.query(`CREATE INDEX messages_search_idx ON messages USING gin (search_vector)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX messages_search_idx`);
    await db.query(`ALTER TABLE messages DROP COLUMN search_vector`);
  }
}
