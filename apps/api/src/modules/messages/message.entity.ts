import type { SenderKind } from '@chat/contracts';
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
  kind!: 'text' | 'system';

  @Column({ name: 'via_bot', type: 'boolean' })
  viaBot!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt!: Date;
}
