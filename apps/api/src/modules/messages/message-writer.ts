import type { Message } from '@chat/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppError } from '../../common/errors/app-error.js';
import type { Principal } from '../auth/principal.js';
import type { ConversationEntity } from '../conversations/conversation.entity.js';
import { ConversationsService } from '../conversations/conversations.service.js';
import { MESSAGE_COLUMNS, SENDER_JOIN, toMessage, type MessageRow } from './message-row.js';

export interface SendRequest {
  conversationId: string;
  sender: Principal;
  clientMsgId: string;
  body: string;
  kind: 'text' | 'system';
  viaBot: boolean;
}

/** A request that passed the access check. */
interface MessageDraft {
  conversation: ConversationEntity;
  sender: Principal;
  clientMsgId: string;
  body: string;
  kind: 'text' | 'system';
  viaBot: boolean;
}

/** A stored message, and whether this write stored it (false: a retry of one already stored). */
export interface Written {
  message: Message;
  created: boolean;
}

export interface WrittenTo extends Written {
  conversation: ConversationEntity;
}

interface Pending {
  draft: MessageDraft;
  resolve(written: WrittenTo): void;
  reject(error: unknown): void;
}

interface Requested {
  request: SendRequest;
  resolve(written: WrittenTo): void;
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
 * rolls the bump back with it. Rows are locked in id order, so concurrent batches never
 * deadlock. Retries whose original is already stored are left out before numbering.
 */
const INSERT_BATCH = `
  WITH input AS (
    SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::boolean[])
      WITH ORDINALITY AS t(conversation_id, sender_id, sender_kind, guest_name, body, client_msg_id, kind, via_bot, ord)
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
    INSERT INTO messages (conversation_id, seq, sender_id, sender_kind, sender_name, body,
                          client_msg_id, kind, via_bot, created_at)
    SELECT n.conversation_id, n.seq, n.sender_id, n.sender_kind, coalesce(u.display_name, n.guest_name),
           n.body, n.client_msg_id, n.kind, n.via_bot, n.created_at
    FROM numbered n LEFT JOIN users u ON u.id = n.sender_id AND n.sender_kind = 'user'
    RETURNING *
  )
  SELECT inserted.*, u.username, u.avatar_color
  FROM inserted LEFT JOIN users u ON u.id = inserted.sender_id AND inserted.sender_kind = 'user'`;

/**
 * Writes messages in micro-batches: sends that arrive while earlier batches are committing are
 * gathered into the next one, so one commit (one WAL flush) serves many messages. Under light
 * load a batch holds a single message and waits for nothing.
 */
@Injectable()
export class MessageWriter {
  private readonly logger = new Logger('MessageWriter');
  private queue: Requested[] = [];
  private inFlight = 0;
  private flushScheduled = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly conversations: ConversationsService,
  ) {}

  /** Checks access and stores the message (or finds the one a retry already stored). */
  write(request: SendRequest): Promise<WrittenTo> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.scheduleFlush();
    });
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
      const allowed = await this.checkAccess(batch);
      if (allowed.length > 0) await this.writeBatch(allowed);
    } catch (error) {
      for (const requested of batch) requested.reject(error);
    } finally {
      this.inFlight--;
      this.scheduleFlush();
    }
  }

  /** Refuses the requests the sender may not post; the others become drafts. */
  private async checkAccess(batch: Requested[]): Promise<Pending[]> {
    const verdicts = await this.conversations.checkPostable(
      batch.map(({ request }) => ({
        principal: request.sender,
        conversationId: request.conversationId,
      })),
    );
    return batch.flatMap(({ request, resolve, reject }, i) => {
      const verdict = verdicts[i]!;
      if (verdict instanceof AppError) {
        reject(verdict);
        return [];
      }
      const { conversationId: _id, ...rest } = request;
      return [{ draft: { ...rest, conversation: verdict }, resolve, reject }];
    });
  }

  private async writeBatch(batch: Pending[]): Promise<void> {
    // Two copies of one send in the same batch: the first is written, both get its result.
    const unique = new Map<string, Pending[]>();
    for (const pending of batch) {
      const key = identity(pending.draft);
      unique.set(key, [...(unique.get(key) ?? []), pending]);
    }
    const drafts = [...unique.values()].map((copies) => copies[0]!.draft);
    let results: Map<string, Written>;
    try {
      results = await this.insertBatch(drafts);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== UNIQUE_VIOLATION && code !== DEADLOCK) {
        for (const pending of batch) pending.reject(error);
        return;
      }
      // A concurrent batch stored one of these first: write them one by one instead.
      this.logger.debug(`Batch of ${drafts.length} retried one by one after ${code}`);
      results = new Map();
      for (const draft of drafts) {
        try {
          for (const [key, written] of await this.insertBatch([draft])) results.set(key, written);
        } catch (single) {
          if ((single as { code?: string }).code !== UNIQUE_VIOLATION) {
            for (const pending of unique.get(identity(draft))!) pending.reject(single);
            unique.delete(identity(draft));
            continue;
          }
          for (const [key, written] of await this.findStored([draft])) results.set(key, written);
        }
      }
    }
    for (const [key, copies] of unique) {
      const written = results.get(key);
      const conversation = copies[0]!.draft.conversation;
      copies.forEach((pending, index) =>
        written
          ? pending.resolve({
              message: written.message,
              created: written.created && index === 0,
              conversation,
            })
          : pending.reject(new Error('message neither stored nor found')),
      );
    }
  }

  /** Inserts the fresh drafts; drafts already stored come back as `created: false`. */
  private async insertBatch(drafts: MessageDraft[]): Promise<Map<string, Written>> {
    const rows: MessageRow[] = await this.db.query(INSERT_BATCH, [
      drafts.map((d) => d.conversation.id),
      drafts.map((d) => d.sender.id),
      drafts.map((d) => d.sender.kind),
      drafts.map((d) => (d.sender.kind === 'guest' ? d.sender.name : 'unknown')),
      drafts.map((d) => d.body),
      drafts.map((d) => d.clientMsgId),
      drafts.map((d) => d.kind),
      drafts.map((d) => d.viaBot),
    ]);
    const results = new Map<string, Written>();
    for (const row of rows) {
      results.set(`${row.conversation_id}|${row.sender_id}|${row.client_msg_id}`, {
        message: toMessage(row),
        created: true,
      });
    }
    const stored = drafts.filter((draft) => !results.has(identity(draft)));
    for (const [key, written] of await this.findStored(stored)) results.set(key, written);
    return results;
  }

  private async findStored(drafts: MessageDraft[]): Promise<Map<string, Written>> {
    if (drafts.length === 0) return new Map();
    const rows: MessageRow[] = await this.db.query(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m ${SENDER_JOIN}
       JOIN unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS wanted(conversation_id, sender_id, client_msg_id)
         ON m.conversation_id = wanted.conversation_id AND m.sender_id = wanted.sender_id
        AND m.client_msg_id = wanted.client_msg_id`,
      [
        drafts.map((d) => d.conversation.id),
        drafts.map((d) => d.sender.id),
        drafts.map((d) => d.clientMsgId),
      ],
    );
    return new Map(
      rows.map((row) => [
        `${row.conversation_id}|${row.sender_id}|${row.client_msg_id}`,
        { message: toMessage(row), created: false },
      ]),
    );
  }
}

function identity(draft: MessageDraft): string {
  return `${draft.conversation.id}|${draft.sender.id}|${draft.clientMsgId}`;
}
