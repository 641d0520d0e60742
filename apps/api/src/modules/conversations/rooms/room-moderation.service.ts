import type {
  Conversation,
  MemberRole,
  Membership,
  RoomBanList,
  UpdateRoomBody,
} from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { AppError, notFound } from '../../../common/errors/app-error.js';
import { RateLimits } from '../../../common/rate-limit/rate-limits.service.js';
import { hasNul } from '../../../common/text/nul-characters.js';
import { UsersService } from '../../users/index.js';
import type { ConversationEntity } from '../conversation.entity.js';
import { ConversationSummaries } from '../conversation-summaries.service.js';
import { Memberships } from '../membership/memberships.service.js';
import { MessagePosting } from '../posting/message-posting.service.js';
import { RoomBans } from './room-bans.js';
import { RoomStore } from './room-store.js';
import { ROOM_MEMBER_LEFT, type RoomMemberLeftEvent } from './rooms.events.js';

/** Who outranks whom: a moderator may act on members only, the owner on everyone else. */
const RANK: Record<MemberRole, number> = { member: 0, moderator: 1, owner: 2 };

/**
 * Running a room: the owner sets roles (and may hand the room over); moderators and the owner
 * kick, ban, rename, set the topic and archive. Each action is a stored system line in the
 * room. A kick's or ban's line comes before the change (the target still reads it); a role,
 * rename, topic or archive line after it, so clients that refetch the room on a system line
 * read the new state.
 */
@Injectable()
export class RoomModeration {
  constructor(
    private readonly store: RoomStore,
    private readonly bans: RoomBans,
    private readonly memberships: Memberships,
    private readonly summaries: ConversationSummaries,
    private readonly posting: MessagePosting,
    private readonly users: UsersService,
    private readonly events: EventEmitter2,
    private readonly limits: RateLimits,
  ) {}

  /**
   * The owner only. `owner` hands the room over: the old owner becomes a moderator. The owner
   * cannot step down without naming a new owner (CONFLICT).
   */
  async setRole(actorId: string, slug: string, userId: string, role: MemberRole) {
    const { room } = await this.acting(actorId, slug, 'owner');
    if (userId === actorId) {
      if (role === 'owner') return this.membership(room.id, userId);
      throw new AppError('CONFLICT', 'Hand the room to a new owner before stepping down');
    }
    const current = await this.memberships.roleOf(room.id, userId);
    if (!current) throw notFound('Member');
    if (current === role) return this.membership(room.id, userId);
    const [actor, target] = await this.names(actorId, userId);
    if (role === 'owner') {
      await this.memberships.transferOwnership(room.id, actorId, userId);
      await this.line(room, actorId, `${actor} handed the room over to ${target}`);
    } else {
      await this.memberships.setRole(room.id, userId, role);
      await this.line(room, actorId, `${actor} made ${target} a ${role}`);
    }
    return this.membership(room.id, userId);
  }

  /** Removes a member (who may join again, unlike a banned user). */
  async kick(actorId: string, slug: string, userId: string): Promise<void> {
    const { room, rank } = await this.acting(actorId, slug, 'moderator');
    const role = await this.memberships.roleOf(room.id, userId);
    if (!role) throw notFound('Member');
    this.assertOutranks(rank, role);
    const [actor, target] = await this.names(actorId, userId);
    await this.line(room, actorId, `${actor} removed ${target} from the room`);
    if (await this.memberships.remove(room.id, userId)) this.left(room.id, userId, 'kicked');
  }

  /** Bans a user (a member or not): they cannot join, read or receive the room. */
  async ban(actorId: string, slug: string, userId: string): Promise<void> {
    const { room, rank } = await this.acting(actorId, slug, 'moderator');
    if (userId === actorId) throw new AppError('CONFLICT', 'You cannot ban yourself');
    const role = await this.memberships.roleOf(room.id, userId);
    this.assertOutranks(rank, role ?? 'member');
    const [actor, target] = await this.names(actorId, userId); // NOT_FOUND for no such user
    if (await this.bans.isBanned(room.id, userId)) return;
    await this.line(room, actorId, `${actor} banned ${target}`);
    const { wasMember } = await this.bans.ban(room.id, userId, actorId);
    if (wasMember) this.left(room.id, userId, 'banned');
  }

  /** Who is banned: moderators and the owner only (FORBIDDEN for members). */
  async bansOf(actorId: string, slug: string): Promise<RoomBanList> {
    const { room } = await this.acting(actorId, slug, 'moderator');
    const bans = await this.bans.list(room.id);
    const users = new Map(
      (await this.users.findPublic(bans.map((ban) => ban.userId))).map((user) => [user.id, user]),
    );
    return {
      items: bans.flatMap((ban) => {
        const user = users.get(ban.userId);
        return user ? [{ user, bannedAt: ban.bannedAt, bannedBy: ban.bannedBy }] : [];
      }),
    };
  }

  async unban(actorId: string, slug: string, userId: string): Promise<void> {
    const { room } = await this.acting(actorId, slug, 'moderator');
    const [actor, target] = await this.names(actorId, userId);
    if (await this.bans.unban(room.id, userId))
      await this.line(room, actorId, `${actor} lifted the ban on ${target}`);
  }

  /**
   * A new name (the slug, the room's address, stays) and/or topic. The lines follow the change,
   * so a client refetching the room when it sees them reads the new name.
   */
  async update(actorId: string, slug: string, body: UpdateRoomBody): Promise<Conversation> {
    const { room } = await this.acting(actorId, slug, 'moderator');
    const [actor] = await this.names(actorId);
    const topic = body.topic === undefined ? undefined : body.topic || null;
    const updated = await this.store.update(room.id, { name: body.name, topic });
    if (body.name !== undefined && body.name !== room.name)
      await this.line(room, actorId, `${actor} renamed the room to ${body.name}`);
    if (topic !== undefined && topic !== room.topic)
      await this.line(
        room,
        actorId,
        topic ? `${actor} set the topic: ${topic}` : `${actor} cleared the topic`,
      );
    return this.summaries.withCount(updated, actorId);
  }

  /**
   * Read-only for everyone from now on; archiving an archived room changes nothing. The line
   * follows the change (system lines may be posted in an archived room), so a client refetching
   * the room on seeing it reads it archived.
   */
  async archive(actorId: string, slug: string): Promise<Conversation> {
    const { room } = await this.acting(actorId, slug, 'moderator');
    const archived = await this.store.archive(room.id);
    if (!room.archivedAt) {
      const [actor] = await this.names(actorId);
      await this.line(room, actorId, `${actor} archived the room`);
    }
    return this.summaries.withCount(archived, actorId);
  }

  /** Writable again; unarchiving a room that is not archived changes nothing. */
  async unarchive(actorId: string, slug: string): Promise<Conversation> {
    const { room } = await this.acting(actorId, slug, 'moderator');
    const reopened = await this.store.unarchive(room.id);
    if (room.archivedAt) {
      const [actor] = await this.names(actorId);
      await this.line(room, actorId, `${actor} unarchived the room`);
    }
    return this.summaries.withCount(reopened, actorId);
  }

  /** The room, if the actor holds at least `least` there; a member trying more is FORBIDDEN. */
  private async acting(actorId: string, slug: string, least: MemberRole) {
    await this.limits.consume('moderation', actorId);
    const room = hasNul(slug) ? null : await this.store.findBySlug(slug);
    if (!room || room.kind !== 'room') throw notFound('Room');
    const role = await this.memberships.roleOf(room.id, actorId);
    if (!role || RANK[role] < RANK[least])
      throw new AppError(
        'FORBIDDEN',
        least === 'owner' ? 'Only the room owner can do this' : 'Only moderators can do this',
      );
    return { room, rank: RANK[role] };
  }

  private assertOutranks(rank: number, role: MemberRole): void {
    if (RANK[role] >= rank)
      throw new AppError('FORBIDDEN', `A ${role} cannot be removed or banned by you`);
  }

  private async names(...userIds: string[]): Promise<string[]> {
    return Promise.all(userIds.map(async (id) => (await this.users.getPublicById(id)).displayName));
  }

  private line(room: ConversationEntity, actorId: string, text: string) {
    return this.posting.postSystem(room.id, { kind: 'user', id: actorId }, text);
  }

  /** Their open sockets leave the room on every process (realtime handles the event). */
  private left(conversationId: string, userId: string, reason: 'kicked' | 'banned'): void {
    this.events.emit(ROOM_MEMBER_LEFT, {
      conversationId,
      userId,
      reason,
    } satisfies RoomMemberLeftEvent);
  }

  private async membership(conversationId: string, userId: string): Promise<Membership> {
    const member = await this.memberships.find(conversationId, userId);
    if (!member) throw notFound('Member');
    return {
      conversationId,
      userId,
      role: member.role,
      joinedAt: member.joinedAt.toISOString(),
    };
  }
}
