import type { ListUsersQuery, UserPage } from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { likePattern } from '../../common/text/like-pattern.js';
import { hasNul } from '../../common/text/nul-characters.js';
import { PresenceService } from '../presence/index.js';
import { decodeCursor, encodeCursor } from './directory-cursor.js';
import { toPublicUser } from './public-user.js';
import { UserEntity } from './user.entity.js';
import { fromRow, type UserRow } from './users.service.js';

/**
 * A demo user who posted this recently is active (it has no socket to be online with): listed
 * right after the people online. People who left are not: they are simply offline.
 */
export const ACTIVE_WINDOW_MINUTES = 5;

interface DirectoryRow extends UserRow {
  rank: 0 | 1 | 2;
  sort_name: string;
}

/** The user directory (GET /api/users): everyone, online first, searchable. */
@Injectable()
export class UserDirectory {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly presence: PresenceService,
  ) {}

  /**
   * The directory: online first, then active lately, then the rest, each by display name;
   * keyset pagination over that order.
   */
  async list(query: ListUsersQuery): Promise<UserPage> {
    if (hasNul(query.q)) return { items: [], nextCursor: null };
    const online = await this.presence.onlineUserIds();
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const pattern = likePattern(query.q);
    const rows: DirectoryRow[] = await this.users.query(
      `SELECT * FROM (
         SELECT u.*,
                CASE WHEN u.id = ANY($1::uuid[]) THEN 0
                     WHEN u.is_demo AND u.last_seen_at > now() - make_interval(mins => $7) THEN 1
                     ELSE 2 END AS rank,
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
        ACTIVE_WINDOW_MINUTES,
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
