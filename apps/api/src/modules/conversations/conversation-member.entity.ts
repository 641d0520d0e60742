import type { MemberRole } from '@chat/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '../../database/bigint-transformer.js';

@Entity('conversation_members')
export class ConversationMemberEntity {
  @PrimaryColumn({ name: 'conversation_id', type: 'uuid' })
  conversationId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  role!: MemberRole;

  @Column({ name: 'joined_at', type: 'timestamptz', insert: false, update: false })
  joinedAt!: Date;

  @Column({ name: 'last_read_seq', type: 'bigint', transformer: bigintToNumber })
  lastReadSeq!: number;
}
