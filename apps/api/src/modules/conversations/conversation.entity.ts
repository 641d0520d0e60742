import type { ConversationKind } from '@chat/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintToNumber } from '../../database/bigint-transformer.js';

@Entity('conversations')
export class ConversationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: ConversationKind;

  @Column({ type: 'text', nullable: true })
  slug!: string | null;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  topic!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt!: Date;

  /** The seq of the newest message; the next message takes last_seq + 1 under the row lock. */
  @Column({ name: 'last_seq', type: 'bigint', transformer: bigintToNumber, insert: false })
  lastSeq!: number;

  @Column({ name: 'last_message_at', type: 'timestamptz', nullable: true })
  lastMessageAt!: Date | null;

  /** An archived room is read-only for everyone. */
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  /** `smallerUserId:largerUserId` for direct threads: one thread per pair. */
  @Column({ name: 'direct_key', type: 'text', nullable: true })
  directKey!: string | null;
}
