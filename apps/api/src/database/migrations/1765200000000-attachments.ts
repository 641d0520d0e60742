import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17: uploads and the messages that carry them.
 *
 * - `message_id` / `conversation_id` are null until a message takes the upload (then only its
 *   uploader may read it); `position` keeps the order the message listed them in.
 * - Deleting a conversation (a room) sets them back to null: the row is then an old orphan and
 *   the clean-up deletes it with its file.
 * - `discarded_at`: the message was deleted; the row is unreachable until purged with its file.
 */
export class Attachments1765200000000 implements MigrationInterface {
  name = 'Attachments1765200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE attachments (
        id uuid PRIMARY KEY,
        uploader_id uuid NOT NULL,
        conversation_id uuid REFERENCES conversations (id) ON DELETE SET NULL,
        message_id bigint REFERENCES messages (id) ON DELETE SET NULL,
        position smallint,
        name text NOT NULL,
        size bigint NOT NULL CHECK (size >= 0),
        content_type text NOT NULL,
        width int,
        height int,
        has_thumb boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        discarded_at timestamptz
      )`);
    await db.query(`
      CREATE INDEX attachments_message_idx ON attachments (message_id) WHERE message_id IS NOT NULL`);
    await db.query(`
      CREATE INDEX attachments_orphan_idx ON attachments (created_at) WHERE message_id IS NULL`);
    await db.query(`
      CREATE INDEX attachments_discarded_idx ON attachments (discarded_at)
      WHERE discarded_at IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE attachments`);
  }
}
