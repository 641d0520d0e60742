import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18: pins, room roles and bans, archived rooms, group conversations.
 *
 * - `messages.pinned_at` / `pinned_by`: a pin is a change of the message (a new `rev`), and the
 *   pinned list of a conversation reads newest pin first from a partial index.
 * - `conversation_members.role` gains `moderator`.
 * - `room_bans`: who may not (re)join a room; deleted with the room or the user.
 * - `conversations.archived_at`: an archived room is read-only for everyone.
 * - `conversations.kind` gains `group` (a private conversation of 3–50 people): like a thread it
 *   has no slug, unlike one no pair key (the initial schema tied "no slug" to `direct`).
 */
export class Moderation1765008000000 implements MigrationInterface {
  name = 'Moderation1765008000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE messages ADD COLUMN pinned_at timestamptz, ADD COLUMN pinned_by uuid`);
    await db.query(`
      CREATE INDEX messages_pinned_idx ON messages (conversation_id, pinned_at DESC)
      WHERE pinned_at IS NOT NULL`);
    await db.query(`
      ALTER TABLE conversation_members DROP CONSTRAINT conversation_members_role_check,
        ADD CONSTRAINT conversation_members_role_check
          CHECK (role IN ('owner', 'moderator', 'member'))`);
    await db.query(`
      CREATE TABLE room_bans (
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        banned_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (conversation_id, user_id)
      )`);
    await db.query(`
      ALTER TABLE conversations ADD COLUMN archived_at timestamptz,
        DROP CONSTRAINT conversations_kind_check,
        ADD CONSTRAINT conversations_kind_check
          CHECK (kind IN ('general', 'room', 'direct', 'group')),
        DROP CONSTRAINT conversations_check1,
        ADD CONSTRAINT conversations_slug_check
          CHECK ((kind IN ('general', 'room')) = (slug IS NOT NULL))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM conversations WHERE kind = 'group'`);
    await db.query(`
      ALTER TABLE conversations DROP COLUMN archived_at,
        DROP CONSTRAINT conversations_slug_check,
        ADD CONSTRAINT conversations_check1 CHECK ((kind = 'direct') = (slug IS NULL)),
        DROP CONSTRAINT conversations_kind_check,
        ADD CONSTRAINT conversations_kind_check CHECK (kind IN ('general', 'room', 'direct'))`);
    await db.query(`DROP TABLE room_bans`);
    await db.query(`UPDATE conversation_members SET role = 'member' WHERE role = 'moderator'`);
    await db.query(`
      ALTER TABLE conversation_members DROP CONSTRAINT conversation_members_role_check,
        ADD CONSTRAINT conversation_members_role_check CHECK (role IN ('owner', 'member'))`);
    await db.query(`DROP INDEX messages_pinned_idx`);
    await db.query(`ALTER TABLE messages DROP COLUMN pinned_at, DROP COLUMN pinned_by`);
  }
}
