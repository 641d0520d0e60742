import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** The `room_bans` table: who may not join (or, being out, read) a room. */
@Injectable()
export class RoomBans {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async isBanned(conversationId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM room_bans WHERE conversation_id = $1 AND user_id = $2`,
      [conversationId, userId],
    );
    return rows.length > 0;
  }

  /**
   * Bans and removes the membership in one transaction, so no join slips between the two: the
   * room row FOR UPDATE makes a concurrent membership insert (which holds it FOR KEY SHARE)
   * either finish first, and be deleted here, or wait and then see the ban.
   * `wasMember`: whether a membership went (its sockets must leave the room).
   */
  async ban(conversationId: string, userId: string, bannedBy: string) {
    return this.db.transaction(async (tx) => {
      await tx.query(`SELECT 1 FROM conversations WHERE id = $1 FOR UPDATE`, [conversationId]);
      await tx.query(
        `INSERT INTO room_bans (conversation_id, user_id, banned_by) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING`,
        [conversationId, userId, bannedBy],
      );
      const [, removed]: [unknown[], number] = await tx.query(
        `DELETE FROM conversation_members WHERE conversation_id = $1 AND user_id = $2`,
        [conversationId, userId],
      );
      return { wasMember: removed > 0 };
    });
  }

  /** The room's bans, the newest first. */
  async list(conversationId: string) {
    const rows: Array<{ user_id: string; banned_by: string | null; created_at: Date }> =
      await this.db.query(
        `SELECT user_id, banned_by, created_at FROM room_bans
         WHERE conversation_id = $1 ORDER BY created_at DESC, user_id`,
        [conversationId],
      );
    return rows.map((row) => ({
      userId: row.user_id,
      bannedBy: row.banned_by,
      bannedAt: row.created_at.toISOString(),
    }));
  }

  /** False when the user was not banned. */
  async unban(conversationId: string, userId: string): Promise<boolean> {
    const [, removed]: [unknown[], number] = await this.db.query(
      `DELETE FROM room_bans WHERE conversation_id = $1 AND user_id = $2`,
      [conversationId, userId],
    );
    return removed > 0;
  }
}
