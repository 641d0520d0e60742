import type { ListRoomsQuery } from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { AppError } from '../../../common/errors/app-error.js';
import { likePattern } from '../../../common/text/like-pattern.js';
import {
  decodeKeysetCursor,
  encodeKeysetCursor,
  isStoredString,
  isUuid,
} from '../../../common/http/keyset-cursor.js';
import { ConversationMemberEntity } from '../conversation-member.entity.js';
import { ConversationEntity } from '../conversation.entity.js';

const UNIQUE_VIOLATION = '23505';

/** Each sort's order, as a row value the keyset cursor compares with (indexes in migrations). */
const ROOM_ORDER = {
  activity: {
    key: `coalesce(c.last_message_at, '-infinity'::timestamptz)`,
    cast: 'timestamptz',
    direction: 'DESC',
    after: '<',
  },
  name: { key: 'lower(c.name)', cast: 'text', direction: 'ASC', after: '>' },
} as const;

export interface RoomPage {
  rooms: ConversationEntity[];
  nextCursor: string | null;
}

/** The rows behind general and the rooms. */
@Injectable()
export class RoomStore {
  constructor(
    @InjectRepository(ConversationEntity)
    private readonly conversations: Repository<ConversationEntity>,
  ) {}

  getGeneral(): Promise<ConversationEntity | null> {
    return this.conversations.findOneBy({ kind: 'general' });
  }

  /**
   * A page of rooms (never general) in the query's order, matching `q` by name; with
   * `memberId`, only the rooms that user belongs to.
   */
  async listPage(query: ListRoomsQuery, memberId: string | null = null): Promise<RoomPage> {
    const order = ROOM_ORDER[query.sort];
    const after = query.cursor ? decodeRoomCursor(query.cursor, query.sort) : null;
    const rows: Array<{ id: string; sort_key: string }> = await this.conversations.query(
      `SELECT c.id, (${order.key})::text AS sort_key FROM conversations c
       WHERE c.kind = 'room'
         AND ($1::text IS NULL OR c.name ILIKE $1)
         AND ($5::uuid IS NULL OR EXISTS (
           SELECT 1 FROM conversation_members m WHERE m.conversation_id = c.id AND m.user_id = $5))
         AND ($2::text IS NULL OR (${order.key}, c.id) ${order.after} ($2::${order.cast}, $3::uuid))
       ORDER BY ${order.key} ${order.direction}, c.id ${order.direction}
       LIMIT $4`,
      [likePattern(query.q), after?.key ?? null, after?.id ?? null, query.limit + 1, memberId],
    );
    const page = rows.slice(0, query.limit);
    const byId = new Map(
      (await this.findByIds(page.map((row) => row.id))).map((room) => [room.id, room]),
    );
    const last = page.at(-1);
    return {
      rooms: page.flatMap((row) => byId.get(row.id) ?? []),
      nextCursor:
        rows.length > query.limit && last
          ? encodeKeysetCursor([query.sort, last.sort_key, last.id])
          : null,
    };
  }

  private findByIds(ids: string[]): Promise<ConversationEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.conversations.createQueryBuilder('c').where('c.id = ANY(:ids)', { ids }).getMany();
  }

  /** Deletes a room with its memberships and history (cascades); false if it was gone. */
  async delete(id: string): Promise<boolean> {
    const result = await this.conversations.delete({ id, kind: 'room' });
    return Boolean(result.affected);
  }

  /** A new name and/or topic (undefined: unchanged; a null topic clears it). */
  async update(id: string, change: { name?: string; topic?: string | null }) {
    const set = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
    if (Object.keys(set).length > 0) await this.conversations.update({ id }, set);
    return this.conversations.findOneByOrFail({ id });
  }

  /** Marks the room archived (once: a second archive keeps the first date). */
  async archive(id: string): Promise<ConversationEntity> {
    await this.conversations.query(
      `UPDATE conversations SET archived_at = now() WHERE id = $1 AND archived_at IS NULL`,
      [id],
    );
    return this.conversations.findOneByOrFail({ id });
  }

  async unarchive(id: string): Promise<ConversationEntity> {
    await this.conversations.query(
      `UPDATE conversations SET archived_at = NULL WHERE id = $1 AND archived_at IS NOT NULL`,
      [id],
    );
    return this.conversations.findOneByOrFail({ id });
  }

  /** General or a room, by slug. */
  findBySlug(slug: string): Promise<ConversationEntity | null> {
    return this.conversations.findOneBy({ slug });
  }

  /** A room and its owner's membership, together or not at all; 409 SLUG_TAKEN on a clash. */
  async create(input: { name: string; slug: string; topic: string | null; ownerId: string }) {
    try {
      return await this.conversations.manager.transaction(async (tx) => {
        const created = await tx.insert(ConversationEntity, {
          kind: 'room',
          name: input.name,
          slug: input.slug,
          topic: input.topic,
          createdBy: input.ownerId,
        });
        const id = created.identifiers[0]!.id as string;
        await tx.insert(ConversationMemberEntity, {
          conversationId: id,
          userId: input.ownerId,
          role: 'owner',
          lastReadSeq: 0,
        });
        return tx.findOneByOrFail(ConversationEntity, { id });
      });
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new AppError('SLUG_TAKEN', `A room called "${input.slug}" already exists`, [
          { path: 'name', message: 'a room with this name already exists' },
        ]);
      }
      throw error;
    }
  }
}

/** A cursor is only good for the order it was made in. */
function decodeRoomCursor(value: string, sort: ListRoomsQuery['sort']) {
  return decodeKeysetCursor(value, ([cursorSort, key, id]) =>
    cursorSort === sort && isStoredString(key) && isUuid(id) ? { key, id } : null,
  );
}
