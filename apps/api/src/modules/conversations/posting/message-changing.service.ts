import type { Message } from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import type { MaybePrincipal, Principal } from '../../../common/access/principal.js';
import { AppError, unauthorized } from '../../../common/errors/app-error.js';
import { RateLimits } from '../../../common/rate-limit/rate-limits.service.js';
import { MessagesService, type Delivery } from '../../messages/index.js';
import { ConversationAccess } from '../access/conversation-access.service.js';
import type { ConversationEntity } from '../conversation.entity.js';
import { Memberships } from '../membership/memberships.service.js';
import { Mentions } from './mentions.js';

/**
 * Edits, deletes and reactions on a message, for sockets and REST alike. The caller must be able
 * to post in the message's conversation (a visitor, a non-member or an outsider is refused as
 * for a send); the message's own rules (sender only, no tombstones) are the messages module's.
 */
@Injectable()
export class MessageChanging {
  constructor(
    private readonly access: ConversationAccess,
    private readonly messages: MessagesService,
    private readonly memberships: Memberships,
    private readonly mentions: Mentions,
    private readonly limits: RateLimits,
  ) {}

  async edit(
    principal: MaybePrincipal,
    messageId: string,
    body: string,
    originSocketId?: string,
  ): Promise<Message> {
    const actor = await this.limited(principal, 'messageChange');
    const conversation = await this.conversationOf(actor, messageId);
    const mentions = await this.mentions.resolve(conversation, body);
    return this.messages.edit(
      messageId,
      actor.id,
      body,
      mentions,
      await this.delivery(conversation, originSocketId),
    );
  }

  async remove(
    principal: MaybePrincipal,
    messageId: string,
    originSocketId?: string,
  ): Promise<Message> {
    const actor = await this.limited(principal, 'messageChange');
    const conversation = await this.conversationOf(actor, messageId);
    // Moderators and owners may delete others' messages in their room.
    const asModerator = await this.moderates(conversation, actor);
    return this.messages.remove(
      messageId,
      actor.id,
      asModerator,
      await this.delivery(conversation, originSocketId),
    );
  }

  async react(
    principal: MaybePrincipal,
    messageId: string,
    emoji: string,
    add: boolean,
    originSocketId?: string,
  ): Promise<Message> {
    const actor = await this.limited(principal, 'reaction');
    const conversation = await this.conversationOf(actor, messageId);
    const how = await this.delivery(conversation, originSocketId);
    return add
      ? this.messages.addReaction(messageId, actor.id, emoji, how)
      : this.messages.removeReaction(messageId, actor.id, emoji, how);
  }

  /**
   * How a change of this message by `actor` is delivered, once the actor may post where it is:
   * NOT_FOUND for an unknown message, the conversation's posting refusal otherwise (a game move
   * checks the rest under the message's lock).
   */
  async deliveryForChange(
    actor: Principal,
    messageId: string,
    originSocketId?: string,
  ): Promise<Delivery> {
    return this.delivery(await this.conversationOf(actor, messageId), originSocketId);
  }

  /**
   * Pins or unpins. Rooms: moderators and the owner; threads and groups: any participant;
   * general: nobody (anyone may post there, so a pin would be anyone's to move).
   */
  async pin(
    principal: MaybePrincipal,
    messageId: string,
    pinned: boolean,
    originSocketId?: string,
  ): Promise<Message> {
    const actor = await this.limited(principal, 'moderation');
    const conversation = await this.conversationOf(actor, messageId);
    if (conversation.kind === 'general')
      throw new AppError('FORBIDDEN', 'Messages in general cannot be pinned');
    if (conversation.kind === 'room' && !(await this.moderates(conversation, actor)))
      throw new AppError('FORBIDDEN', 'Only moderators and the owner pin messages in a room');
    return this.messages.setPinned(
      messageId,
      actor.id,
      pinned,
      await this.delivery(conversation, originSocketId),
    );
  }

  /** Whether the actor is a moderator or the owner of this room. */
  private async moderates(conversation: ConversationEntity, actor: Principal): Promise<boolean> {
    if (conversation.kind !== 'room' || actor.kind !== 'user') return false;
    const role = await this.memberships.roleOf(conversation.id, actor.id);
    return role === 'owner' || role === 'moderator';
  }

  private async limited(
    principal: MaybePrincipal,
    policy: 'messageChange' | 'reaction' | 'moderation',
  ): Promise<Principal> {
    if (!principal) throw unauthorized('Sign in or continue as a guest first');
    await this.limits.consume(policy, principal.id);
    return principal;
  }

  private async delivery(
    conversation: ConversationEntity,
    originSocketId?: string,
  ): Promise<Delivery> {
    return { directUserIds: await this.memberships.directRecipients(conversation), originSocketId };
  }

  /** NOT_FOUND for an unknown message; the conversation's posting refusal for the rest. */
  private async conversationOf(actor: Principal, messageId: string): Promise<ConversationEntity> {
    const { conversationId } = await this.messages.locate(messageId);
    return this.access.getPostable(actor, conversationId);
  }
}
