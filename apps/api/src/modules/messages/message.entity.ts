import type { GameState, SenderKind } from '@chat/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '../../database/bigint-transformer.js';

@Entity('messages')
export class MessageEntity {
  /** bigint identity; kept as a string so no id ever loses precision. */
  @PrimaryColumn({ type: 'bigint', insert: false })
  id!: string;

  @Column({ name: 'conversation_id', type: 'uuid' })
  conversationId!: string;

  @Column({ type: 'bigint', transformer: bigintToNumber })
  seq!: number;

  /** The conversation's change counter at this message's latest change. */
  @Column({ type: 'bigint', transformer: bigintToNumber })
  rev!: number;

  @Column({ name: 'sender_id', type: 'uuid' })
  senderId!: string;

  @Column({ name: 'sender_kind', type: 'text' })
  senderKind!: SenderKind;

  /** The sender's display name when the message was posted. */
  @Column({ name: 'sender_name', type: 'text' })
  senderName!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'client_msg_id', type: 'uuid' })
  clientMsgId!: string;

  @Column({ type: 'text' })
  kind!: 'text' | 'system' | 'game';

  @Column({ name: 'via_bot', type: 'boolean' })
  viaBot!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt!: Date;

  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true })
  editedAt!: Date | null;

  /** A tombstone: the body and reactions are gone, the row keeps its place in history. */
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  @Column({ name: 'reply_to_id', type: 'bigint', nullable: true })
  replyToId!: string | null;

  /** The parent's body as it was when this reply was written, cut to 140 characters. */
  @Column({ name: 'reply_excerpt', type: 'text', nullable: true })
  replyExcerpt!: string | null;

  @Column({ type: 'uuid', array: true })
  mentions!: string[];

  /** The tic-tac-toe game of a `kind: 'game'` message. */
  @Column({ type: 'jsonb', nullable: true })
  game!: GameState | null;

  /** When the server's player is due to move in this game; null while a person is to move. */
  @Column({ name: 'game_next_move_at', type: 'timestamptz', nullable: true })
  gameNextMoveAt!: Date | null;
  /** When it was pinned (null: not pinned); a pin is a change, with its own rev. */
  @Column({ name: 'pinned_at', type: 'timestamptz', nullable: true })
  pinnedAt!: Date | null;

  @Column({ name: 'pinned_by', type: 'uuid', nullable: true })
  pinnedBy!: string | null;
}

/** One person's reaction with one emoji (the primary key makes adding twice a no-op). */
@Entity('message_reactions')
export class MessageReactionEntity {
  @PrimaryColumn({ name: 'message_id', type: 'bigint' })
  messageId!: string;

  @PrimaryColumn({ type: 'text' })
  emoji!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt!: Date;
}
