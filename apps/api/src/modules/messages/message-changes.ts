import { LIMITS, type GameState } from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError, notFound } from '../../common/errors/app-error.js';
import { AttachmentsService } from '../attachments/index.js';
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

/**
 * A game's next state, decided by the games module from the current one (it throws the refusal
 * of an illegal move); `serverMoveInMs`: when the server's player is due next, null if not.
 */
export interface GameStep {
  state: GameState;
  serverMoveInMs: number | null;
}
export type GameDecision = (game: GameState) => GameStep;
/** The server's move, or null when it has none to make (the due mark is then just cleared). */
export type ServerGameDecision = (game: GameState) => GameStep | null;

/** What a change wrote: the message, and any other message it had to change with it. */
interface Applied {
  row: MessageRow;
  alsoChanged?: MessageRow[];
}

type Apply = (tx: EntityManager, row: MessageRow) => Promise<Applied | null>;

interface PendingChange {
  messageId: string;
  apply: Apply;
  resolve(changed: Changed): void;
  reject(error: unknown): void;
}

/** Changes one transaction holds at most. */
const MAX_BATCH = 200;

/**
 * Edits, deletes and reactions. Each locks its conversation row, as every send does, then reads
 * the message afresh, checks it, and bumps `conversations.last_seq` into the message's `rev`:
 * the counter stays gapless and in commit order, and a failed transaction rolls back with its
 * bumps. A refused change writes nothing and takes no number, nor does a change that changes
 * nothing (a second identical reaction). Like sends, changes are gathered into micro-batches:
 * those that arrive while a batch commits go together in the next one, so under load one
 * transaction (one commit, one WAL flush) serves many, and their broadcasts leave together;
 * under light load a batch holds one change and waits for nothing.
 */
@Injectable()
export class MessageChanges {
  private queue: PendingChange[] = [];
  private flushing = false;
  private flushScheduled = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly attachments: AttachmentsService,
  ) {}

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
      // A tombstone has no attachments: unreachable from this commit on, purged right after.
      await this.attachments.discardWithin(tx, String(row.id));
      const tombstone = await bumpRev(
        tx,
        row,
        // A deleted game stops (no server move is due in it any more); a tombstone leaves the
        // pinned list.
        `body = '', mentions = '{}', reply_excerpt = NULL, deleted_at = now(),
         game_next_move_at = NULL, pinned_at = NULL, pinned_by = NULL`,
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

  /** A person's move in a game: `decide` checks it against the state read under the lock. */
  moveGame(messageId: string, decide: GameDecision): Promise<Changed> {
    return this.change(messageId, async (tx, row) => {
      if (row.deleted_at !== null) throw notFound('Message');
      if (row.kind !== 'game' || !row.game) throw notFound('Game');
      return { row: await writeGame(tx, row, decide(row.game)) };
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
   * Claims one due server move (of any game, or of `messageId`) and makes it. The claim locks
   * the game's conversation row with SKIP LOCKED, the same lock (and lock order: conversation,
   * then message) as every change, so two processes never make the same move, neither waits
   * on the other, and no claim can deadlock with a send or a delete. The message is re-read
   * under the lock and must still be due: a process that read it just before another committed
   * the move finds it no longer due and does nothing. Null when nothing was due.
   */
  /**
   * Makes one due server move: of `due.messageId`, or of any game whose move has been due for
   * at least `due.overdueMs` (the backstop poll leaves a move to the process whose timer is
   * set for it, and takes it only once that process has visibly missed it).
   */
  async playDueGame(
    decide: ServerGameDecision,
    due: { messageId: string } | { overdueMs: number },
  ): Promise<Changed | null> {
    const messageId = 'messageId' in due ? due.messageId : null;
    const overdueMs = 'overdueMs' in due ? due.overdueMs : 0;
    return this.db.transaction(async (tx) => {
      const [claimed]: Array<{ id: string }> = await tx.query(
        `SELECT m.id FROM messages m JOIN conversations c ON c.id = m.conversation_id
         WHERE m.game_next_move_at <= now() - $2 * interval '1 millisecond'
           AND m.deleted_at IS NULL AND ($1::bigint IS NULL OR m.id = $1)
         ORDER BY m.game_next_move_at LIMIT 1
         FOR UPDATE OF c SKIP LOCKED`,
        [messageId, overdueMs],
      );
      if (!claimed) return null;
      const [row]: MessageRow[] = await tx.query(
        `SELECT ${MESSAGE_COLUMNS} FROM messages m
         WHERE m.id = $1 AND m.game_next_move_at <= now() AND m.deleted_at IS NULL`,
        [claimed.id],
      );
      if (!row?.game) return null;
      const step = decide(row.game);
      if (!step) {
        // Nothing to play (no server seat is to move): not a change, so no rev.
        await tx.query(`UPDATE messages SET game_next_move_at = NULL WHERE id = $1`, [row.id]);
        return null;
      }
      const moved = await writeGame(tx, row, step);
      return { row: moved, changed: true, before: row, alsoChanged: [] };
    });
  }

  /**
   * Queues `apply` for the message. `apply` returns what it changed, or null for no change; it
   * may refuse by throwing an AppError, and must do so before it writes anything (a refusal
   * then leaves the batch's transaction usable for the other changes).
   */
  private change(messageId: string, apply: Apply): Promise<Changed> {
    return new Promise((resolve, reject) => {
      this.queue.push({ messageId, apply, resolve, reject });
      this.scheduleFlush();
    });
  }

  private scheduleFlush(): void {
    if (this.flushing || this.flushScheduled || this.queue.length === 0) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0, MAX_BATCH);
    this.flushing = true;
    try {
      const outcomes = await this.runBatch(batch);
      // After the commit, all at once: their broadcasts go out back to back.
      batch.forEach((pending, i) => {
        const outcome = outcomes[i]!;
        if (outcome instanceof Error) pending.reject(outcome);
        else pending.resolve(outcome);
      });
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    } finally {
      this.flushing = false;
      this.scheduleFlush();
    }
  }

  /**
   * One transaction for the batch: the conversations of all its messages are locked first, in id
   * order (as the send batches lock them, so the two never deadlock), then each change reads
   * its message afresh, in arrival order, and takes its own counter value. One commit serves
   * them all.
   */
  private runBatch(batch: PendingChange[]): Promise<Array<Changed | Error>> {
    return this.db.transaction(async (tx) => {
      const ids = [...new Set(batch.map((p) => p.messageId))];
      const locked: Array<{ id: string }> = await tx.query(
        `SELECT c.id FROM conversations c
         WHERE c.id IN (SELECT conversation_id FROM messages WHERE id = ANY($1::bigint[]))
         ORDER BY c.id FOR UPDATE OF c`,
        [ids],
      );
      if (locked.length === 0) return batch.map(() => notFound('Message'));
      const outcomes: Array<Changed | Error> = [];
      for (const { messageId, apply } of batch) {
        // Read after the lock: changes committed while we waited, and earlier ones of this
        // batch, are seen.
        const [row]: MessageRow[] = await tx.query(
          `SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.id = $1`,
          [messageId],
        );
        if (!row) {
          outcomes.push(notFound('Message'));
          continue;
        }
        try {
          const applied = await apply(tx, row);
          outcomes.push(
            applied
              ? {
                  row: applied.row,
                  changed: true,
                  before: row,
                  alsoChanged: applied.alsoChanged ?? [],
                }
              : { row, changed: false, before: row, alsoChanged: [] },
          );
        } catch (error) {
          // A refusal; anything else failed the statement and so the whole transaction.
          if (!(error instanceof AppError)) throw error;
          outcomes.push(error);
        }
      }
      return outcomes;
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

/** The game's new state as a change (a new rev), with when the server's player is due. */
function writeGame(tx: EntityManager, row: MessageRow, step: GameStep): Promise<MessageRow> {
  return bumpRev(
    tx,
    row,
    `game = $3::jsonb, game_next_move_at = now() + $4::int * interval '1 millisecond'`,
    [JSON.stringify(step.state), step.serverMoveInMs],
  );
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
