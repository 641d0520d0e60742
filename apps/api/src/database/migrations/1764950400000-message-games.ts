import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tic-tac-toe in a conversation: a `kind: 'game'` message keeps its game state in `game` (the
 * contract's GameState as JSON), and `game_next_move_at` says when the server's perfect player
 * is due to move (null when a person is to move, the game is over or the message is deleted).
 * Every process's game scheduler looks for due moves through the partial index, which holds
 * only the games waiting for the AI, so polling it stays cheap however many messages there are.
 */
export class MessageGames1764950400000 implements MigrationInterface {
  name = 'MessageGames1764950400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE messages
        ADD COLUMN game jsonb,
        ADD COLUMN game_next_move_at timestamptz,
        ADD CONSTRAINT messages_game_check CHECK ((kind = 'game') = (game IS NOT NULL))`);
    await db.query(`
      CREATE INDEX messages_game_due_idx ON messages (game_next_move_at)
      WHERE game_next_move_at IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX messages_game_due_idx`);
    await db.query(`DELETE FROM messages WHERE kind = 'game'`);
    await db.query(`
      ALTER TABLE messages DROP CONSTRAINT messages_game_check,
        DROP COLUMN game, DROP COLUMN game_next_move_at`);
  }
}
