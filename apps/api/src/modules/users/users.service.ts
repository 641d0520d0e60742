import type {
  ListUsersQuery,
  OwnProfile,
  PublicUser,
  UpdateProfileBody,
  UserPage,
} from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { AppError, notFound } from '../../common/errors/app-error.js';
import { decodeCursor, encodeCursor } from './directory-cursor.js';
import { hasNul } from './nul-characters.js';
import { PresenceService } from './presence/presence.service.js';
import { starterProfile } from './profile-defaults.js';
import { toOwnProfile, toPublicUser } from './public-user.js';
import { UserEntity } from './user.entity.js';
import { USER_UPDATED, type UserUpdatedEvent } from './users.events.js';

const UNIQUE_VIOLATION = '23505';

export interface NewUser {
  username: string;
  passwordHash: string | null;
  displayName?: string;
  isDemo?: boolean;
  profile?: Partial<Pick<UserEntity, 'bio' | 'avatarColor' | 'location'>>;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly presence: PresenceService,
    private readonly events: EventEmitter2,
  ) {}

  /** Creates a user with an auto-filled profile; 409 CONFLICT when the username is taken. */
  async create(input: NewUser): Promise<UserEntity> {
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
          })
          .returning('*')
          .execute()
      ).raw as Array<{ id: string }>;
      return this.getEntity(row!.id);
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
  findWithPasswordHash(username: string): Promise<UserEntity | null> {
    if (hasNul(username)) return Promise.resolve(null);
    return this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('lower(user.username) = lower(:username)', { username })
      .getOne();
  }

  /** By id, in plain SQL: this runs on every socket handshake. */
  async getEntity(id: string): Promise<UserEntity> {
    const [row]: UserRow[] = await this.users.query(
      `SELECT ${USER_COLUMNS} FROM users WHERE id = $1`,
      [id],
    );
    if (!row) throw notFound('User');
    return fromRow(row);
  }

  findEntities(ids: string[]): Promise<UserEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.users.findBy({ id: In(ids) });
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

  async getOwnProfile(id: string): Promise<OwnProfile> {
    const user = await this.getEntity(id);
    return toOwnProfile(user, await this.presence.isOnline(id));
  }

  async updateProfile(id: string, changes: UpdateProfileBody): Promise<OwnProfile> {
    if (Object.keys(changes).length > 0) await this.users.update({ id }, changes);
    const profile = await this.getOwnProfile(id);
    const { createdAt: _createdAt, ...publicUser } = profile;
    this.events.emit(USER_UPDATED, publicUser satisfies UserUpdatedEvent);
    return profile;
  }

  /** Maps entities to public users with their current presence. */
  async toPublic(users: UserEntity[]): Promise<PublicUser[]> {
    const online = new Set(await this.presence.onlineUserIds());
    return users.map((user) => toPublicUser(user, online.has(user.id)));
  }

  countDemoUsers(): Promise<number> {
    return this.users.countBy({ isDemo: true });
  }

  /** Up to `count` users chosen at random (demo and real alike). */
  pickRandom(count: number): Promise<UserEntity[]> {
    return this.users.createQueryBuilder('user').orderBy('random()').limit(count).getMany();
  }

  async touchLastSeen(id: string): Promise<void> {
    await this.users.update({ id }, { lastSeenAt: () => 'now()' } as never);
  }

  /** The directory: online first, then by display name; keyset pagination over that order. */
  async listDirectory(query: ListUsersQuery): Promise<UserPage> {
    if (hasNul(query.q)) return { items: [], nextCursor: null };
    const online = await this.presence.onlineUserIds();
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const rows: DirectoryRow[] = await this.users.query(
      `SELECT * FROM (
         SELECT u.*, CASE WHEN u.id = ANY($1::uuid[]) THEN 0 ELSE 1 END AS rank,
                lower(u.display_name) AS sort_name
         FROM users u
         WHERE $2::text IS NULL OR u.username ILIKE $2 OR u.display_name ILIKE $2
       ) d
       WHERE $3::int IS NULL OR (d.rank, d.sort_name, d.id) > ($3, $4, $5::uuid)
       ORDER BY d.rank, d.sort_name, d.id
       LIMIT $6`,
      [
        online,
        pattern,
        after?.rank ?? null,
        after?.name ?? null,
        after?.id ?? null,
        query.limit + 1,
      ],
    );
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => toPublicUser(fromRow(row), row.rank === 0)),
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor({ rank: last.rank, name: last.sort_name, id: last.id })
          : null,
    };
  }
}

const USER_COLUMNS =
  'id, username, display_name, bio, avatar_color, location, created_at, last_seen_at, is_demo';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  bio: string;
  avatar_color: string;
  location: string;
  created_at: Date;
  last_seen_at: Date | null;
  is_demo: boolean;
}

interface DirectoryRow extends UserRow {
  rank: 0 | 1;
  sort_name: string;
}

function fromRow(row: UserRow): UserEntity {
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
  });
}
