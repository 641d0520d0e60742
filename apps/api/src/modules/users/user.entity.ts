import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  username!: string;

  /** Null for demo users: nobody can sign in as them. */
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash!: string | null;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ type: 'text' })
  bio!: string;

  @Column({ name: 'avatar_color', type: 'text' })
  avatarColor!: string;

  @Column({ type: 'text' })
  location!: string;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt!: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz', nullable: true })
  lastSeenAt!: Date | null;

  @Column({ name: 'is_demo', type: 'boolean' })
  isDemo!: boolean;

  @Column({ name: 'bot_opt_out', type: 'boolean' })
  botOptOut!: boolean;

  @Column({ name: 'sample_profile', type: 'boolean' })
  sampleProfile!: boolean;
}
