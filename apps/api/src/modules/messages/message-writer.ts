import type { GameState, Message, PresenceUser } from '@chat/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Principal } from '../../common/access/principal.js';
import { MessageHydrator } from './message-hydrator.js';
import { MESSAGE_COLUMNS, userSenderIds, type MessageRow } from './message-row.js';
import { AttachmentsService } from '../attachments/index.js';
import { UsersService } from '../users/index.js';

/** A message to store, from a sender whose right to post the caller has already checked. */
export interface WriteRequest {
  conversationId: string;
  sender: Principal;
  clientMsgId: string;
  body: string;
  kind: 'text' | 'system' | 'game';
  viaBot: boolean;
  /** The parent (same conversation, checked by the caller) and its excerpt at reply time. */
  replyTo?: { id: string; excerpt: string };
  /** User ids mentioned who can read the conversation (resolved by the caller). */
  mentions?: string[];
  /** With `kind: 'game'`: the game, and in how many ms the server's player is due (null: not). */
  game?: { state: GameState; serverMoveInMs: number | null };
  /** The sender's uploads the message carries (checked and linked in the insert's transaction). */
  attachmentIds?: string[];
}

/** A stored message, and whether this write stored it (false: a retry of one already stored). */
export interface Written {
  message: Message;
  created: boolean;
}

interface Pending {
  request: WriteRequest;
  resolve(written: Written): void;
  reject(error: unknown): void;
}

/** Sends a batch may hold, and batches in flight at once (each is one transaction). */
const MAX_BATCH = 500;
const MAX_IN_FLIGHT = 4;
const UNIQUE_VIOLATION = '23505';
const DEADLOCK = '40P01';

/**
 * Every message is written in one statement that takes `seq` by bumping the conversation row:
 * the row lock makes seq gapless and in commit order per conversation, and a failed statement
 * rolls the bump back with it. This is the one statement of the messages module that touches a
 * table it does not own (`conversations.last_seq`, `last_message_at`): splitting it would open
 * a window between numbering and inserting (docs/architecture.md, "Who owns which table"). Rows are locked in id order, so concurrent batches never
 * deadlock. Retries whose original is already stored are left out before numbering.
 */
const INSERT_BATCH = `
  WITH input AS (
    SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::uuid[],
                         $7::text[], $8::boolean[], $9::bigint[], $10::text[], $11::text[],
                         $12::text[], $13::int[])
      WITH ORDINALITY AS t(conversation_id, sender_id, sender_kind, sender_name, body, client_msg_id,
                           kind, via_bot, reply_to_id, reply_excerpt, mentions, game,
                           server_move_in_ms, ord)
  ), fresh AS (
    SELECT input.* FROM input
    WHERE NOT EXISTS (
      SELECT 1 FROM messages m
      WHERE m.conversation_id = input.conversation_id AND m.sender_id = input.sender_id
        AND m.client_msg_id = input.client_msg_id)
  ), counts AS (
    SELECT conversation_id, count(*) AS n FROM fresh GROUP BY conversation_id
  ), locked AS (
    SELECT id FROM conversations WHERE id IN (SELECT conversation_id FROM counts) ORDER BY id FOR UPDATE
  ), bumped AS (
    UPDATE conversations c SET last_seq = c.last_seq + counts.n, last_message_at = now()
    FROM counts JOIN locked ON locked.id = counts.conversation_id
    WHERE c.id = counts.conversation_id
    RETURNING c.id, c.last_seq, counts.n, c.last_message_at
  ), numbered AS (
    SELECT fresh.*, bumped.last_message_at AS created_at,
           bumped.last_seq - bumped.n + row_number() OVER (PARTITION BY fresh.conversation_id ORDER BY fresh.ord) AS seq
    FROM fresh JOIN bumped ON bumped.id = fresh.conversation_id
  ), inserted AS (
    INSERT INTO messages AS m (conversation_id, seq, rev, sender_id, sender_kind, sender_name, body,
                          client_msg_id, kind, via_bot, created_at, reply_to_id, reply_excerpt,
                          mentions, game, game_next_move_at)
    SELECT n.conversation_id, n.seq, n.seq, n.sender_id, n.sender_kind, n.sender_name,
           n.body, n.client_msg_id, n.kind, n.via_bot, n.created_at, n.reply_to_id,
           n.reply_excerpt, string_to_array(n.mentions, ',')::uuid[], n.game::jsonb,
           n.created_at + n.server_move_in_ms * interval '1 millisecond'
    FROM numbered n
    RETURNING ${MESSAGE_COLUMNS}
  )
  SELECT * FROM inserted`;

/**
 * Writes messages in micro-batches: sends that arrive while earlier batches are committing are
 * gathered into the next one, so one commit (one WAL flush) serves many messages. Under light
 * load a batch holds a single message and waits for nothing.
 */
@Injectable()
export class MessageWriter {
  private readonly logger = new Logger('MessageWriter');
  private queue: Pending[] = [];
  private inFlight = 0;
  private flushScheduled = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly hydrator: MessageHydrator,
    private readonly attachments: AttachmentsService,
  ) {}

  /** Stores the message (or finds the one a retry already stored). */
  write(request: WriteRequest): Promise<Written> {
    if (request.attachmentIds?.length) return this.writeWithAttachments(request);
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.scheduleFlush();
    });
  }

  /**
   * A message with attachments is written on its own, in a transaction that inserts it and
   * links its uploads: a refused upload (someone else's, already used) refuses the message and
   * rolls its number back, without failing the sends batched with it.
   */
  private async writeWithAttachments(request: WriteRequest): Promise<Written> {
    const senders = await this.users.findPresenceUsers(
      userSenderIds([{ sender_id: request.sender.id, sender_kind: request.sender.kind }]),
    );
    let rows: MessageRow[];
    try {
      rows = await this.db.transaction(async (tx) => {
        const inserted: MessageRow[] = await tx.query(
          INSERT_BATCH,
          batchParams([request], senders),
        );
        const row = inserted[0];
        if (row)
          await this.attachments.linkWithin(tx, {
            messageId: String(row.id),
            conversationId: row.conversation_id,
            senderId: request.sender.id,
            attachmentIds: request.attachmentIds!,
          });
        return inserted;
      });
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      rows = []; // a concurrent retry stored it first
    }
    if (rows.length === 0) {
      const stored = [...(await this.findStored([request], senders)).values()][0];
      if (!stored) throw new Error('message neither stored nor found');
      return stored;
    }
    const [message] = await this.hydrator.toMessages(rows, { senders });
    return { message: message!, created: true };
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.inFlight >= MAX_IN_FLIGHT || this.queue.length === 0) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0, MAX_BATCH);
    if (batch.length === 0) return;
    this.inFlight++;
    try {
      await this.writeBatch(batch);
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    } finally {
      this.inFlight--;
      this.scheduleFlush();
    }
  }

  private async writeBatch(batch: Pending[]): Promise<void> {
    // Two copies of one send in the same batch: the first is written, both get its result.
    const unique = new Map<string, Pending[]>();
    for (const pending of batch) {
      const key = identity(pending.request);
      unique.set(key, [...(unique.get(key) ?? []), pending]);
    }
    const requests = [...unique.values()].map((copies) => copies[0]!.request);
    // The name at the time of posting is stored with the message; the rest is shown as it is now.
    const senders = await this.users.findPresenceUsers(
      userSenderIds(requests.map((r) => ({ sender_id: r.sender.id, sender_kind: r.sender.kind }))),
    );
    let results: Map<string, Written>;
    try {
      results = await this.insertBatch(requests, senders);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== UNIQUE_VIOLATION && code !== DEADLOCK) {
        for (const pending of batch) pending.reject(error);
        return;
      }
      // A concurrent batch stored one of these first: write them one by one instead.
      this.logger.debug(`Batch of ${requests.length} retried one by one after ${code}`);
      results = new Map();
      for (const request of requests) {
        try {
          for (const [key, written] of await this.insertBatch([request], senders))
            results.set(key, written);
        } catch (single) {
          if ((single as { code?: string }).code !== UNIQUE_VIOLATION) {
            for (const pending of unique.get(identity(request))!) pending.reject(single);
            unique.delete(identity(request));
            continue;
          }
          for (const [key, written] of await this.findStored([request], senders))
            results.set(key, written);
        }
      }
    }
    for (const [key, copies] of unique) {
      const written = results.get(key);
      copies.forEach((pending, index) =>
        written
          ? pending.resolve({ message: written.message, created: written.created && index === 0 })
          : pending.reject(new Error('message neither stored nor found')),
      );
    }
  }

  /** Inserts the fresh requests; requests already stored come back as `created: false`. */
  private async insertBatch(
    requests: WriteRequest[],
    senders: Map<string, PresenceUser>,
  ): Promise<Map<string, Written>> {
    const rows: MessageRow[] = await this.db.query(INSERT_BATCH, batchParams(requests, senders));
    const results = new Map<string, Written>();
    const messages = await this.hydrator.toMessages(rows, { fresh: true, senders });
    rows.forEach((row, index) => {
      results.set(rowIdentity(row), { message: messages[index]!, created: true });
    });
    const stored = requests.filter((request) => !results.has(identity(request)));
    for (const [key, written] of await this.findStored(stored, senders)) results.set(key, written);
    return results;
  }

  private async findStored(
    requests: WriteRequest[],
    senders: Map<string, PresenceUser>,
  ): Promise<Map<string, Written>> {
    if (requests.length === 0) return new Map();
    const rows: MessageRow[] = await this.db.query(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m
       JOIN unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS wanted(conversation_id, sender_id, client_msg_id)
         ON m.conversation_id = wanted.conversation_id AND m.sender_id = wanted.sender_id
        AND m.client_msg_id = wanted.client_msg_id`,
      [
        requests.map((r) => r.conversationId),
        requests.map((r) => r.sender.id),
        requests.map((r) => r.clientMsgId),
      ],
    );
    const messages = await this.hydrator.toMessages(rows, { senders });
    return new Map(
      rows.map((row, index) => [rowIdentity(row), { message: messages[index]!, created: false }]),
    );
  }
}

/** The arrays INSERT_BATCH takes, one element per request. */
function batchParams(requests: WriteRequest[], senders: Map<string, PresenceUser>): unknown[] {
  return [
    requests.map((r) => r.conversationId),
    requests.map((r) => r.sender.id),
    requests.map((r) => r.sender.kind),
    requests.map((r) =>
      r.sender.kind === 'guest'
        ? r.sender.name
        : (senders.get(r.sender.id)?.displayName ?? 'unknown'),
    ),
    requests.map((r) => r.body),
    requests.map((r) => r.clientMsgId),
    requests.map((r) => r.kind),
    requests.map((r) => r.viaBot),
    requests.map((r) => r.replyTo?.id ?? null),
    requests.map((r) => r.replyTo?.excerpt ?? null),
    requests.map((r) => (r.mentions ?? []).join(',')),
    requests.map((r) => (r.game ? JSON.stringify(r.game.state) : null)),
    requests.map((r) => r.game?.serverMoveInMs ?? null),
  ];
}

function identity(request: WriteRequest): string {
  return `${request.conversationId}|${request.sender.id}|${request.clientMsgId}`;
}

function rowIdentity(row: MessageRow): string {
  return `${row.conversation_id}|${row.sender_id}|${row.client_msg_id}`;
}
