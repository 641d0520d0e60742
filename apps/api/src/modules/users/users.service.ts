import type { OwnProfile, PresenceUser, PublicUser, UpdateProfileBody } from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { TickBatcher } from '../../common/batching/tick-batcher.js';
import { AppError, notFound } from '../../common/errors/app-error.js';
import { isDatabaseUnavailable } from '../../common/errors/database-unavailable.js';
import { RateLimits } from '../../common/rate-limit/rate-limits.service.js';
import { hasNul } from '../../common/text/nul-characters.js';
import { PresenceService } from '../presence/index.js';
import { starterProfile } from './profile-defaults.js';
import { toOwnProfile, toPresenceUser, toPublicUser } from './public-user.js';
import { UserEntity } from './user.entity.js';
import { USER_UPDATED, type UserUpdatedEvent } from './users.events.js';

const UNIQUE_VIOLATION = '23505';

export interface NewUser {
  username: string;
  passwordHash: string | null;
  displayName?: string;
  isDemo?: boolean;
  /** Invented bio and location are pointed out to the owner once (people, not demo users). */
  markSample?: boolean;
  profile?: Partial<Pick<UserEntity, 'bio' | 'avatarColor' | 'location'>>;
}

/** What sign-in needs of an account, and nothing more. */
export interface Credentials {
  id: string;
  passwordHash: string | null;
}

/** A signed-in socket's person: as others see them, and their own profile for `session`. */
export interface SessionIdentity {
  presenceUser: PresenceUser;
  publicUser: PublicUser;
}

/** Handshake look-ups at once; the rest wait in line and go together in the next query. */
const IDENTITY_QUERIES_IN_FLIGHT = 2;
const IDENTITY_BATCH_MAX = 2000;
/** A look-up that failed on a busy or briefly lost database is tried again, not refused. */
const IDENTITY_RETRIES = [250, 1000, 2000];

@Injectable()
export class UsersService {
  /**
   * Every handshake looks its user up: all those waiting share one `WHERE id = ANY($1)`, and
   * at most IDENTITY_QUERIES_IN_FLIGHT run at once, so a storm of reconnects queues here
   * instead of timing out on the pool.
   */
  private readonly identities = new TickBatcher<string, SessionIdentity>(
    (ids) => this.loadSessionIdentities(ids),
    { maxInFlight: IDENTITY_QUERIES_IN_FLIGHT, maxBatch: IDENTITY_BATCH_MAX },
  );

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly presence: PresenceService,
    private readonly events: EventEmitter2,
    private readonly limits: RateLimits,
  ) {}

  /** Creates a user with an auto-filled profile; 409 CONFLICT when the username is taken. */
  async create(input: NewUser): Promise<{ id: string }> {
    const starter = starterProfile(input.username);
    try {
      const [row] = (
        await this.users
          .createQueryBuilder()
          .insert()
          .values({
            username: input.username,
            passwordHash: input.passwordHash,
            displayName: input.displayName ?? starter.displayName,
            bio: input.profile?.bio ?? starter.bio,
            avatarColor: input.profile?.avatarColor ?? starter.avatarColor,
            location: input.profile?.location ?? starter.location,
            isDemo: input.isDemo ?? false,
            sampleProfile: input.markSample ?? false,
          })
          .returning('*')
          .execute()
      ).raw as Array<{ id: string }>;
      return { id: row!.id };
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new AppError('CONFLICT', 'That username is taken', [
          { path: 'username', message: 'already taken' },
        ]);
      }
      throw error;
    }
  }

  /** For sign-in only: the one place the password hash is read. */
  async findCredentials(username: string): Promise<Credentials | null> {
    if (hasNul(username)) return null;
    const user = await this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('lower(user.username) = lower(:username)', { username })
      .getOne();
    return user ? { id: user.id, passwordHash: user.passwordHash } : null;
  }

  /** The handshake's look-up: the user is online from this moment on. */
  /** The socket handshake's look-up (batched and queued; NOT_FOUND for an unknown id). */
  getSessionIdentity(id: string): Promise<SessionIdentity> {
    return this.identities.get(id);
  }

  private async loadSessionIdentities(ids: string[]): Promise<Array<SessionIdentity | Error>> {
    const unique = [...new Set(ids)];
    let rows: UserRow[] | null = null;
    for (let attempt = 0; rows === null; attempt++) {
      try {
        rows = await this.users.query(`SELECT ${USER_COLUMNS} FROM users WHERE id = ANY($1)`, [
          unique,
        ]);
      } catch (error) {
        const wait = IDENTITY_RETRIES[attempt];
        if (wait === undefined || !isDatabaseUnavailable(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
    const byId = new Map(rows.map((row) => [row.id, fromRow(row)]));
    return ids.map((id) => {
      const user = byId.get(id);
      if (!user) return notFound('User');
      return { presenceUser: toPresenceUser(user), publicUser: toPublicUser(user, true) };
    });
  }

  /** By id, in plain SQL: this runs on every socket handshake. */
  private async getEntity(id: string): Promise<UserEntity> {
    const [row]: UserRow[] = await this.users.query(
      `SELECT ${USER_COLUMNS} FROM users WHERE id = $1`,
      [id],
    );
    if (!row) throw notFound('User');
    return fromRow(row);
  }

  /** Public users by id, with their current presence; unknown ids are left out. */
  async findPublic(ids: string[]): Promise<PublicUser[]> {
    if (ids.length === 0) return [];
    const [users, online] = await Promise.all([
      this.users.createQueryBuilder('user').where('user.id = ANY(:ids)', { ids }).getMany(),
      this.presence.onlineUserIds(),
    ]);
    const onlineIds = new Set(online);
    return users.map((user) => toPublicUser(user, onlineIds.has(user.id)));
  }

  /** How each user appears beside their messages (name, username, colour), by id. */
  async findPresenceUsers(ids: string[]): Promise<Map<string, PresenceUser>> {
    if (ids.length === 0) return new Map();
    const rows: Array<Pick<UserRow, 'id' | 'username' | 'display_name' | 'avatar_color'>> =
      await this.users.query(
        'SELECT id, username, display_name, avatar_color FROM users WHERE id = ANY($1::uuid[])',
        [ids],
      );
    return new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          username: row.username,
          displayName: row.display_name,
          avatarColor: row.avatar_color,
        },
      ]),
    );
  }

  countAll(): Promise<number> {
    return this.users.count();
  }

  async getPublicById(id: string): Promise<PublicUser> {
    const user = await this.getEntity(id);
    return toPublicUser(user, await this.presence.isOnline(id));
  }

  async getPublicByUsername(username: string): Promise<PublicUser> {
    if (hasNul(username)) throw notFound('User');
    const user = await this.users
      .createQueryBuilder('user')
      .where('lower(user.username) = lower(:username)', { username })
      .getOne();
    if (!user) throw notFound('User');
    return toPublicUser(user, await this.presence.isOnline(user.id));
  }

  /** Ids of the users with these usernames (any case); unknown names are left out. */
  async findIdsByUsernames(usernames: string[]): Promise<string[]> {
    if (usernames.length === 0) return [];
    const rows: Array<{ id: string }> = await this.users.query(
      'SELECT id FROM users WHERE lower(username) = ANY($1::text[])',
      [usernames.map((name) => name.toLowerCase())],
    );
    return rows.map((row) => row.id);
  }

  async getOwnProfile(id: string): Promise<OwnProfile> {
    const user = await this.getEntity(id);
    return toOwnProfile(user, await this.presence.isOnline(id));
  }

  /** Each edit reaches the user's watchers, so edits are limited (RATE_LIMIT_PROFILE_EDITS_PER_MIN). */
  async updateProfile(id: string, changes: UpdateProfileBody): Promise<OwnProfile> {
    await this.limits.consume('profileEdit', id);
    const { sampleProfileSeen, ...fields } = changes;
    // Editing the profile, or being told it is a sample, ends the notice.
    const update = {
      ...fields,
      ...(sampleProfileSeen || hasFields(fields) ? { sampleProfile: false } : {}),
    };
    if (hasFields(update)) await this.users.update({ id }, update);
    const profile = await this.getOwnProfile(id);
    const {
      createdAt: _createdAt,
      botOptOut: _botOptOut,
      sampleProfile: _sampleProfile,
      ...publicUser
    } = profile;
    this.events.emit(USER_UPDATED, publicUser satisfies UserUpdatedEvent);
    return profile;
  }

  countDemoUsers(): Promise<number> {
    return this.users.countBy({ isDemo: true });
  }

  /**
   * Up to `count` users chosen at random for the bot to speak as: demo users only, or with
   * `everyone` any user who has not opted out, never one of `exclude` (those online now).
   */
  async pickBotAuthors(
    count: number,
    authors: 'demo' | 'everyone',
    exclude: string[],
  ): Promise<Array<{ id: string; displayName: string }>> {
    const query = this.users
      .createQueryBuilder('user')
      .where(authors === 'demo' ? 'user.isDemo' : 'NOT user.botOptOut')
      .orderBy('random()')
      .limit(count);
    if (exclude.length > 0) query.andWhere('user.id <> ALL(:exclude)', { exclude });
    const users = await query.getMany();
    return users.map(({ id, displayName }) => ({ id, displayName }));
  }

  /** Whether any user has this display name (case-insensitive, both sides trimmed). */
  async isDisplayNameTaken(name: string): Promise<boolean> {
    if (hasNul(name)) return false;
    // users_display_name_lower_idx serves this; stored names are trimmed by the contract.
    const rows: unknown[] = await this.users.query(
      'SELECT 1 FROM users WHERE lower(display_name) = lower($1) LIMIT 1',
      [name.trim()],
    );
    return rows.length > 0;
  }

  async touchLastSeen(id: string): Promise<void> {
    await this.users.update({ id }, { lastSeenAt: () => 'now()' } as never);
  }
}

const hasFields = (object: object) => Object.keys(object).length > 0;

export const USER_COLUMNS =
  'id, username, display_name, bio, avatar_color, location, created_at, last_seen_at, is_demo, bot_opt_out, sample_profile';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  bio: string;
  avatar_color: string;
  location: string;
  created_at: Date;
  last_seen_at: Date | null;
  is_demo: boolean;
  bot_opt_out: boolean;
  sample_profile: boolean;
}

export function fromRow(row: UserRow): UserEntity {
  return Object.assign(new UserEntity(), {
    id: row.id,
    username: row.username,
    passwordHash: null,
    displayName: row.display_name,
    bio: row.bio,
    avatarColor: row.avatar_color,
    location: row.location,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    isDemo: row.is_demo,
    botOptOut: row.bot_opt_out,
    sampleProfile: row.sample_profile,
  });
}
