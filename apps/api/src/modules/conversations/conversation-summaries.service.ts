import type { Conversation, MemberRole } from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import { PresenceService } from '../presence/index.js';
import { UsersService } from '../users/index.js';
import type { ConversationEntity } from './conversation.entity.js';
import { toConversation } from './conversation-view.js';
import { Memberships } from './membership/memberships.service.js';

/** Conversations as the contract shows them: with member and online counts. */
@Injectable()
export class ConversationSummaries {
  constructor(
    private readonly memberships: Memberships,
    private readonly presence: PresenceService,
    private readonly users: UsersService,
  ) {}

  /**
   * General counts every user as a member. "Online" is the members who are online anywhere
   * (a room's owner on another page is online), or, if more, those on the conversation now
   * (guests and visitors in general). With `viewerId`: `myRole` where they are a member.
   */
  async withCounts(entities: ConversationEntity[], viewerId?: string): Promise<Conversation[]> {
    const ids = entities.map((c) => c.id);
    const hasGeneral = entities.some((c) => c.kind === 'general');
    const [memberCounts, present, onlineUsers, everyone, roles] = await Promise.all([
      this.memberships.countsOf(ids),
      this.presence.countIn(ids),
      this.presence.onlineUserIds(),
      hasGeneral ? this.users.countAll() : 0,
      viewerId ? this.memberships.rolesOf(viewerId, ids) : new Map<string, MemberRole>(),
    ]);
    const onlineMembers = await this.memberships.countsAmong(ids, onlineUsers);
    return entities.map((entity) => {
      const members =
        entity.kind === 'general' ? onlineUsers.length : (onlineMembers.get(entity.id) ?? 0);
      const role = roles.get(entity.id);
      return {
        ...toConversation(entity, {
          memberCount: entity.kind === 'general' ? everyone : (memberCounts.get(entity.id) ?? 0),
          onlineCount: Math.max(members, present.get(entity.id) ?? 0),
        }),
        ...(role ? { myRole: role } : {}),
      };
    });
  }

  async withCount(entity: ConversationEntity, viewerId?: string): Promise<Conversation> {
    const [conversation] = await this.withCounts([entity], viewerId);
    return conversation!;
  }
}
