import {
  slugify,
  type Conversation,
  type ConversationList,
  type ListRoomsQuery,
  type CreateRoomBody,
  type Membership,
  type RoomDetails,
} from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { MaybePrincipal } from '../../../common/access/principal.js';
import { AppError, notFound, unauthorized } from '../../../common/errors/app-error.js';
import { RateLimits } from '../../../common/rate-limit/rate-limits.service.js';
import { hasNul } from '../../../common/text/nul-characters.js';
import { MessagesService } from '../../messages/index.js';
import { UsersService } from '../../users/index.js';
import type { ConversationEntity } from '../conversation.entity.js';
import { ConversationSummaries } from '../conversation-summaries.service.js';
import { Memberships } from '../membership/memberships.service.js';
import { MessagePosting } from '../posting/message-posting.service.js';
import { RoomBans } from './room-bans.js';
import { RoomStore } from './room-store.js';
import {
  ROOM_DELETED,
  ROOM_MEMBER_LEFT,
  type RoomDeletedEvent,
  type RoomMemberLeftEvent,
} from './rooms.events.js';

const nameMatches = (name: string, q: string | undefined) =>
  !q || name.toLowerCase().includes(q.toLowerCase());

/** Group rooms: public to everyone signed in; joining is a membership. */
@Injectable()
export class RoomsService {
  constructor(
    private readonly store: RoomStore,
    private readonly memberships: Memberships,
    private readonly summaries: ConversationSummaries,
    private readonly posting: MessagePosting,
    private readonly users: UsersService,
    private readonly messages: MessagesService,
    private readonly events: EventEmitter2,
    private readonly limits: RateLimits,
    private readonly bans: RoomBans,
  ) {}

  /**
   * A page of rooms with member and online counts, general first on the first page (when it
   * matches `q`); for a caller with a token, whether they belong to each (guests belong to
   * general only).
   */
  async list(viewer: MaybePrincipal, query: ListRoomsQuery): Promise<ConversationList> {
    if (query.mine && viewer?.kind !== 'user') throw unauthorized('Sign in to list your rooms');
    // No name holds NUL, and PostgreSQL would refuse to compare with one.
    if (hasNul(query.q)) return { items: [], nextCursor: null };
    const [page, general] = await Promise.all([
      this.store.listPage(query, query.mine ? viewer!.id : null),
      query.cursor || query.mine ? null : this.store.getGeneral(),
    ]);
    const showGeneral = general && nameMatches(general.name, query.q);
    const entities = showGeneral ? [general, ...page.rooms] : page.rooms;
    const items = await this.describe(viewer, entities);
    return {
      items: query.mine ? await this.withUnread(viewer!.id, items) : items,
      nextCursor: page.nextCursor,
    };
  }

  /** The member's own rooms (the sidebar): unread messages and mentions after their marker. */
  private async withUnread(userId: string, rooms: Conversation[]): Promise<Conversation[]> {
    const markers = await this.memberships.readMarkers(
      userId,
      rooms.map((room) => room.id),
    );
    const counts = await this.messages.unreadCounts(userId, markers);
    return rooms.map((room) => ({
      ...room,
      unread: counts.get(room.id)?.unread ?? 0,
      mentionCount: counts.get(room.id)?.mentions ?? 0,
    }));
  }

  private async describe(
    viewer: MaybePrincipal,
    entities: ConversationEntity[],
  ): Promise<Conversation[]> {
    const conversations = await this.summaries.withCounts(
      entities,
      viewer?.kind === 'user' ? viewer.id : undefined,
    );
    if (!viewer) return conversations;
    const memberships =
      viewer.kind === 'user'
        ? await this.memberships.membershipsOf(
            viewer.id,
            entities.map((c) => c.id),
          )
        : new Set<string>();
    return conversations.map((c) => ({
      ...c,
      isMember: c.kind === 'general' || memberships.has(c.id),
    }));
  }

  async create(ownerId: string, body: CreateRoomBody): Promise<Conversation> {
    await this.limits.consume('roomCreate', ownerId);
    const room = await this.store.create({
      name: body.name,
      slug: slugify(body.name),
      topic: body.topic || null,
      ownerId,
    });
    return this.summaries.withCount(room, ownerId);
  }

  /** The slugs of the most active rooms (the bot mentions them). */
  async activeSlugs(count: number): Promise<string[]> {
    const { rooms } = await this.store.listPage({ sort: 'activity', limit: count, mine: false });
    return rooms.flatMap((room) => (room.slug ? [room.slug] : []));
  }

  /** The owner deletes a room with its history; its sockets leave it on every process. */
  async delete(userId: string, slug: string): Promise<void> {
    const room = await this.findRoom(slug);
    if (!(await this.memberships.hasRole(room.id, userId, 'owner')))
      throw new AppError('FORBIDDEN', 'Only the room owner can delete it');
    if (await this.store.delete(room.id)) {
      this.events.emit(ROOM_DELETED, { conversationId: room.id } satisfies RoomDeletedEvent);
    }
  }

  async details(slug: string, viewerId?: string): Promise<RoomDetails> {
    const room = await this.find(slug);
    const [conversation, members] = await Promise.all([
      this.summaries.withCount(room, viewerId),
      this.memberships.membersOf(room.id),
    ]);
    const users = await this.users.findPublic(members.map((m) => m.userId));
    const byId = new Map(users.map((user) => [user.id, user]));
    return {
      ...conversation,
      members: members.flatMap((member) => {
        const user = byId.get(member.userId);
        return user ? [{ user, role: member.role, joinedAt: member.joinedAt.toISOString() }] : [];
      }),
    };
  }

  /**
   * Joins a room; a new membership posts a lasting "X joined" line, at most once per user and
   * room per hour (so join/leave loops cannot flood the room).
   */
  async join(userId: string, slug: string): Promise<Membership> {
    await this.limits.consume('roomMembership', userId);
    const room = await this.findRoom(slug);
    if (await this.bans.isBanned(room.id, userId))
      throw new AppError('FORBIDDEN', 'You are banned from this room');
    const { membership, created } = await this.memberships.add(room.id, userId);
    if (
      created &&
      !room.archivedAt &&
      (await this.limits.allows('joinedLine', `${userId}:${room.id}`))
    ) {
      const user = await this.users.getPublicById(userId);
      await this.posting.postSystem(
        room.id,
        { kind: 'user', id: userId },
        `${user.displayName} joined`,
      );
    }
    return {
      conversationId: room.id,
      userId,
      role: membership.role,
      joinedAt: membership.joinedAt.toISOString(),
    };
  }

  /** Leaves a room; the room is told with an "X left" line, limited like the joined line. */
  async leave(userId: string, slug: string): Promise<void> {
    await this.limits.consume('roomMembership', userId);
    const room = await this.findRoom(slug);
    // Posted while still a member: only members may post in a room.
    if (
      !room.archivedAt &&
      (await this.memberships.membershipsOf(userId, [room.id])).has(room.id) &&
      (await this.limits.allows('joinedLine', `left:${userId}:${room.id}`))
    ) {
      const user = await this.users.getPublicById(userId);
      await this.posting.postSystem(
        room.id,
        { kind: 'user', id: userId },
        `${user.displayName} left`,
      );
    }
    if (await this.memberships.remove(room.id, userId)) {
      // Open sockets must stop receiving a room the user no longer belongs to.
      this.events.emit(ROOM_MEMBER_LEFT, {
        conversationId: room.id,
        userId,
        reason: 'left',
      } satisfies RoomMemberLeftEvent);
    }
  }

  private async find(slug: string): Promise<ConversationEntity> {
    // No slug holds NUL, and PostgreSQL would refuse to compare with one.
    const conversation = hasNul(slug) ? null : await this.store.findBySlug(slug);
    if (!conversation) throw notFound('Room');
    return conversation;
  }

  /** Rooms only: general has no memberships to join or leave. */
  private async findRoom(slug: string): Promise<ConversationEntity> {
    const conversation = await this.find(slug);
    if (conversation.kind !== 'room') throw notFound('Room');
    return conversation;
  }
}
