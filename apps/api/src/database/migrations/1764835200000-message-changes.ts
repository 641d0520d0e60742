import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Message v2: every change in a conversation (a send, an edit, a delete, a reaction) takes the
 * next value of `conversations.last_seq`, and the message keeps it as `rev`. Catch-up reads by
 * `(conversation_id, rev)`, one index range however many changes there were.
 *
 * `reply_to_id` has no foreign key: a parent is in the same conversation, so the two are only
 * ever deleted together (with the conversation), and a key would make that delete probe
 * `messages` once per row.
 */
export class MessageChanges1764835200000 implements MigrationInterface {
  name = 'MessageChanges1764835200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE messages
        ADD COLUMN rev bigint,
        ADD COLUMN edited_at timestamptz,
        ADD COLUMN deleted_at timestamptz,
        ADD COLUMN reply_to_id bigint,
        ADD COLUMN reply_excerpt text,
        ADD COLUMN mentions uuid[] NOT NULL DEFAULT '{}'`);
    await db.query(`UPDATE messages SET rev = seq`);
    await db.query(`ALTER TABLE messages ALTER COLUMN rev SET NOT NULL`);
    await db.query(`
      ALTER TABLE messages DROP CONSTRAINT messages_kind_check,
        ADD CONSTRAINT messages_kind_check CHECK (kind IN ('text', 'system', 'game'))`);
    await db.query(
      `CREATE UNIQUE INDEX messages_conversation_rev_key ON messages (conversation_id, rev)`,
    );
    await db.query(`
      CREATE TABLE message_reactions (
        message_id bigint NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
        emoji text NOT NULL,
        user_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (message_id, emoji, user_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE message_reactions`);
    await db.query(`DROP INDEX messages_conversation_rev_key`);
    await db.query(`DELETE FROM messages WHERE kind = 'game'`);
    await db.query(`
      ALTER TABLE messages DROP CONSTRAINT messages_kind_check,
        ADD CONSTRAINT messages_kind_check CHECK (kind IN ('text', 'system'))`);
    await db.query(`
      ALTER TABLE messages DROP COLUMN rev, DROP COLUMN edited_at, DROP COLUMN deleted_at,
        DROP COLUMN reply_to_id, DROP COLUMN reply_excerpt, DROP COLUMN mentions`);
  }
}
