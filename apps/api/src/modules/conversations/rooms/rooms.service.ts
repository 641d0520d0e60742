import {
  slugify,
  type Conversation,
  type CreateRoomBody,
  type Membership,
  type RoomDetails,
} from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { MaybePrincipal } from '../../../common/access/principal.js';
import { notFound } from '../../../common/errors/app-error.js';
import { hasNul } from '../../../common/text/nul-characters.js';
import { UsersService } from '../../users/index.js';
import type { ConversationEntity } from '../conversation.entity.js';
import { ConversationSummaries } from '../conversation-summaries.service.js';
import { Memberships } from '../membership/memberships.service.js';
import { MessagePosting } from '../posting/message-posting.service.js';
import { RoomStore } from './room-store.js';
import { ROOM_MEMBER_LEFT, type RoomMemberLeftEvent } from './rooms.events.js';

/** Group rooms: public to everyone signed in; joining is a membership. */
@Injectable()
export class RoomsService {
  constructor(
    private readonly store: RoomStore,
    private readonly memberships: Memberships,
    private readonly summaries: ConversationSummaries,
    private readonly posting: MessagePosting,
    private readonly users: UsersService,
    private readonly events: EventEmitter2,
  ) {}

  /**
   * General and every room, with member and online counts; for a caller with a token, whether
   * they belong to each (guests belong to general only).
   */
  async list(viewer: MaybePrincipal): Promise<Conversation[]> {
    const entities = await this.store.listPublic();
    const conversations = await this.summaries.withCounts(entities);
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
    const room = await this.store.create({
      name: body.name,
      slug: slugify(body.name),
      topic: body.topic || null,
      ownerId,
    });
    return this.summaries.withCount(room);
  }

  /** The slugs of every room (the bot mentions them). */
  async slugs(): Promise<string[]> {
    const entities = await this.store.listPublic();
    return entities.flatMap((c) => (c.kind === 'room' && c.slug ? [c.slug] : []));
  }

  async details(slug: string): Promise<RoomDetails> {
    const room = await this.find(slug);
    const [conversation, members] = await Promise.all([
      this.summaries.withCount(room),
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

  /** Joins a room; the first join posts a lasting "X joined" line. */
  async join(userId: string, slug: string): Promise<Membership> {
    const room = await this.findRoom(slug);
    const { membership, created } = await this.memberships.add(room.id, userId);
    if (created) {
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

  async leave(userId: string, slug: string): Promise<void> {
    const room = await this.findRoom(slug);
    if (await this.memberships.remove(room.id, userId)) {
      // Open sockets must stop receiving a room the user no longer belongs to.
      this.events.emit(ROOM_MEMBER_LEFT, {
        conversationId: room.id,
        userId,
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
