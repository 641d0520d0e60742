import { LIMITS } from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError, notFound } from '../../common/errors/app-error.js';
import { MESSAGE_COLUMNS, type MessageRow } from './message-row.js';

/** The outcome of a change: the row as it is now, and whether it changed (took a new rev). */
export interface Changed {
  row: MessageRow;
  changed: boolean;
  /** The row before the change. */
  before: MessageRow;
  /** Other messages the change touched (the replies of a deleted message), each with its rev. */
  alsoChanged: MessageRow[];
}

/** What a change wrote: the message, and any other message it had to change with it. */
interface Applied {
  row: MessageRow;
  alsoChanged?: MessageRow[];
}

/**
 * Edits, deletes and reactions. Each runs in one transaction that first locks the conversation
 * row, as every send does, then reads the message afresh, checks it, and bumps
 * `conversations.last_seq` into the message's `rev`: the counter stays gapless and in commit
 * order, and a refused or failed change rolls back with its bump. A change that changes nothing
 * (a second identical reaction) takes no number.
 */
@Injectable()
export class MessageChanges {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The message's text, by its sender, if it is neither deleted nor a system or game message. */
  edit(messageId: string, actorId: string, body: string, mentions: string[]): Promise<Changed> {
    return this.change(messageId, async (tx, row) => {
      assertChangeable(row, 'edited');
      if (row.sender_id !== actorId)
        throw new AppError('FORBIDDEN', 'Only its sender can edit a message');
      if (row.body === body) return null;
      return {
        row: await bumpRev(tx, row, `body = $3, mentions = $4::uuid[], edited_at = now()`, [
          body,
          mentions,
        ]),
      };
    });
  }

  /** Leaves a tombstone. `asModerator`: the caller may delete others' messages here. */
  remove(messageId: string, actorId: string, asModerator: boolean): Promise<Changed> {
    return this.change(messageId, async (tx, row) => {
      if (row.deleted_at !== null) throw notFound('Message');
      if (row.kind === 'system') throw new AppError('FORBIDDEN', 'System lines cannot be deleted');
      if (row.sender_id !== actorId && !asModerator)
        throw new AppError('FORBIDDEN', 'Only its sender or a moderator can delete a message');
      await tx.query(`DELETE FROM message_reactions WHERE message_id = $1`, [row.id]);
      const tombstone = await bumpRev(
        tx,
        row,
        // A tombstone is no longer worth pinning: it leaves the pinned list.
        `body = '', mentions = '{}', reply_excerpt = NULL, deleted_at = now(),
         pinned_at = NULL, pinned_by = NULL`,
        [],
      );
      // Each reply quoted the deleted text: its excerpt goes too, and that is a change of the
      // reply (a new rev), so a client catching up gets the emptied quote as well.
      const replies: MessageRow[] = await tx
        .query(
          `WITH replies AS (
           SELECT id, row_number() OVER (ORDER BY id) AS n, count(*) OVER () AS total
           FROM messages WHERE reply_to_id = $1 AND conversation_id = $2
         ), bumped AS (
           UPDATE conversations SET last_seq = last_seq + (SELECT count(*) FROM replies)
           WHERE id = $2 AND EXISTS (SELECT 1 FROM replies) RETURNING last_seq
         )
         UPDATE messages m SET rev = bumped.last_seq - replies.total + replies.n, reply_excerpt = NULL
         FROM replies, bumped WHERE m.id = replies.id
         RETURNING ${MESSAGE_COLUMNS}`,
          [row.id, row.conversation_id],
        )
        .then((result: [MessageRow[], number]) => result[0]);
      return { row: tombstone, alsoChanged: replies.sort((a, b) => Number(a.rev) - Number(b.rev)) };
    });
  }

  /** Adding a reaction already there is a no-op; a new emoji past the limit is a CONFLICT. */
  addReaction(messageId: string, userId: string, emoji: string): Promise<Changed> {
    return this.change(messageId, async (tx, row) => {
      assertReactable(row);
      const [state]: Array<{ mine: boolean; emoji_known: boolean; distinct: number }> =
        await tx.query(
          `SELECT bool_or(emoji = $2 AND user_id = $3) AS mine, bool_or(emoji = $2) AS emoji_known,
                  count(DISTINCT emoji)::int AS distinct
           FROM message_reactions WHERE message_id = $1`,
          [row.id, emoji, userId],
        );
      if (state?.mine) return null;
      if (!state?.emoji_known && (state?.distinct ?? 0) >= LIMITS.reactionsPerMessageMax)
        throw new AppError(
          'CONFLICT',
          `A message can have at most ${LIMITS.reactionsPerMessageMax} different reactions`,
        );
      await tx.query(
        `INSERT INTO message_reactions (message_id, emoji, user_id) VALUES ($1, $2, $3)`,
        [row.id, emoji, userId],
      );
      return { row: await bumpRev(tx, row, '', []) };
    });
  }

  /** Removing a reaction that is not there is a no-op. */
  removeReaction(messageId: string, userId: string, emoji: string): Promise<Changed> {
    return this.change(messageId, async (tx, row) => {
      assertReactable(row);
      // TypeORM answers a DELETE with [rows, affected].
      const [, removed]: [unknown[], number] = await tx.query(
        `DELETE FROM message_reactions WHERE message_id = $1 AND emoji = $2 AND user_id = $3`,
        [row.id, emoji, userId],
      );
      if (removed === 0) return null;
      return { row: await bumpRev(tx, row, '', []) };
    });
  }

  /**
   * Pins or unpins; pinning a pinned message (or unpinning one that is not) is a no-op. Who may
   * pin is the conversations module's call; a tombstone or a system line cannot be pinned.
   */
  setPinned(messageId: string, actorId: string, pinned: boolean): Promise<Changed> {
    return this.change(messageId, async (tx, row) => {
      if (row.deleted_at !== null) throw notFound('Message');
      if (row.kind === 'system') throw new AppError('FORBIDDEN', 'System lines cannot be pinned');
      if ((row.pinned_at !== null) === pinned) return null;
      const set = pinned
        ? `pinned_at = now(), pinned_by = $3`
        : `pinned_at = NULL, pinned_by = NULL`;
      return { row: await bumpRev(tx, row, set, pinned ? [actorId] : []) };
    });
  }

  /**
   * Runs `apply` on the message, locked behind its conversation. `apply` returns what it changed,
   * or null for no change (the transaction is then committed with nothing written).
   */
  private async change(
    messageId: string,
    apply: (tx: EntityManager, row: MessageRow) => Promise<Applied | null>,
  ): Promise<Changed> {
    return this.db.transaction(async (tx) => {
      const locked: unknown[] = await tx.query(
        `SELECT 1 FROM conversations
         WHERE id = (SELECT conversation_id FROM messages WHERE id = $1) FOR UPDATE`,
        [messageId],
      );
      if (locked.length === 0) throw notFound('Message');
      // Read after the lock: a change committed while we waited is seen.
      const [row]: MessageRow[] = await tx.query(
        `SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.id = $1`,
        [messageId],
      );
      if (!row) throw notFound('Message');
      const applied = await apply(tx, row);
      return applied
        ? { row: applied.row, changed: true, before: row, alsoChanged: applied.alsoChanged ?? [] }
        : { row, changed: false, before: row, alsoChanged: [] };
    });
  }
}

function assertChangeable(row: MessageRow, verb: string): void {
  if (row.deleted_at !== null) throw notFound('Message');
  if (row.kind !== 'text')
    throw new AppError('FORBIDDEN', `A ${row.kind} message cannot be ${verb}`);
}

function assertReactable(row: MessageRow): void {
  if (row.deleted_at !== null) throw notFound('Message');
  if (row.kind === 'system') throw new AppError('FORBIDDEN', 'System lines take no reactions');
}

/**
 * Takes the conversation's next counter value into the message's `rev`, with `set` (columns
 * from $3 on) in the same statement. The caller holds the conversation row's lock.
 */
async function bumpRev(
  tx: EntityManager,
  row: MessageRow,
  set: string,
  values: unknown[],
): Promise<MessageRow> {
  const [updated]: [MessageRow[], number] = await tx.query(
    `WITH bumped AS (
       UPDATE conversations SET last_seq = last_seq + 1 WHERE id = $2 RETURNING last_seq
     )
     UPDATE messages m SET rev = (SELECT last_seq FROM bumped)${set ? `, ${set}` : ''}
     WHERE m.id = $1
     RETURNING ${MESSAGE_COLUMNS}`,
    [row.id, row.conversation_id, ...values],
  );
  return updated[0]!;
}
