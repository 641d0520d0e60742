import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The whole data model of docs/architecture.md, and the `general` conversation. */
export class InitialSchema1763769600000 implements MigrationInterface {
  name = 'InitialSchema1763769600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL CHECK (username ~ '^[a-z0-9_.-]{3,32}$'),
        password_hash text,
        display_name text NOT NULL,
        bio text NOT NULL DEFAULT '',
        avatar_color text NOT NULL,
        location text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz,
        is_demo boolean NOT NULL DEFAULT false
      )`);
    await db.query(`CREATE UNIQUE INDEX users_username_lower_key ON users (lower(username))`);
    await db.query(`CREATE INDEX users_display_name_lower_idx ON users (lower(display_name), id)`);

    await db.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        family_id uuid NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);

    await db.query(`
      CREATE TABLE conversations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('general', 'room', 'direct')),
        slug text UNIQUE,
        name text NOT NULL,
        topic text,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seq bigint NOT NULL DEFAULT 0,
        last_message_at timestamptz,
        direct_key text UNIQUE,
        CHECK ((kind = 'direct') = (direct_key IS NOT NULL)),
        CHECK ((kind = 'direct') = (slug IS NULL))
      )`);

    await db.query(`
      CREATE TABLE conversation_members (
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role text NOT NULL DEFAULT 'member' CHECK (role IN ('owner', 'member')),
        joined_at timestamptz NOT NULL DEFAULT now(),
        last_read_seq bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (conversation_id, user_id)
      )`);
    await db.query(`CREATE INDEX conversation_members_user_idx ON conversation_members (user_id)`);

    await db.query(`
      CREATE TABLE messages (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        seq bigint NOT NULL,
        sender_id uuid NOT NULL,
        sender_kind text NOT NULL CHECK (sender_kind IN ('user', 'guest')),
        sender_name text NOT NULL,
        body text NOT NULL,
        client_msg_id uuid NOT NULL,
        kind text NOT NULL DEFAULT 'text' CHECK (kind IN ('text', 'system')),
        via_bot boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT messages_conversation_seq_key UNIQUE (conversation_id, seq),
        CONSTRAINT messages_client_msg_id_key UNIQUE (conversation_id, sender_id, client_msg_id)
      )`);

    await db.query(`INSERT INTO conversations (kind, slug, name, topic)
      VALUES ('general', 'general', 'General', 'Everyone, guests included')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `DROP TABLE messages, conversation_members, conversations, refresh_tokens, users`,
    );
  }
}
