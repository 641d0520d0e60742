import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14, item 1.
 * - `bot_opt_out`: the person never lets the bot speak as them (BOT_AUTHORS=everyone).
 * - `sample_profile`: the bio and location were invented at sign-up and the owner has not been
 *   told so yet; existing accounts are past that.
 */
export class BotAuthors1764921600000 implements MigrationInterface {
  name = 'BotAuthors1764921600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE users
        ADD COLUMN bot_opt_out boolean NOT NULL DEFAULT false,
        ADD COLUMN sample_profile boolean NOT NULL DEFAULT false`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE users DROP COLUMN bot_opt_out, DROP COLUMN sample_profile');
  }
}
