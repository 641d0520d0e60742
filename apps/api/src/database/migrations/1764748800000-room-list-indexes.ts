import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The room list's two orders (GET /api/rooms, `rooms/room-store.ts`): each page is an index
 * range scan from the cursor, however many rooms there are.
 */
export class RoomListIndexes1764748800000 implements MigrationInterface {
  name = 'RoomListIndexes1764748800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX conversations_rooms_by_activity_idx
      ON conversations ((coalesce(last_message_at, '-infinity'::timestamptz)) DESC, id DESC)
      WHERE kind = 'room'`);
    await db.query(`
      CREATE INDEX conversations_rooms_by_name_idx ON conversations (lower(name), id)
      WHERE kind = 'room'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      'DROP INDEX conversations_rooms_by_activity_idx, conversations_rooms_by_name_idx',
    );
  }
}
