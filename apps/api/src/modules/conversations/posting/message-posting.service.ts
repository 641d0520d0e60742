import { LIMITS } from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { MaybePrincipal, Principal } from '../../../common/access/principal.js';
import { AppError, unauthorized } from '../../../common/errors/app-error.js';
import { RateLimits } from '../../../common/rate-limit/rate-limits.service.js';
import {
  MessagesService,
  type Delivery,
  type GameStep,
  type Written,
} from '../../messages/index.js';
import { ConversationAccess } from '../access/conversation-access.service.js';
import type { ConversationEntity } from '../conversation.entity.js';
import { Memberships } from '../membership/memberships.service.js';
import { Mentions } from './mentions.js';

export interface PostInput {
  conversationId: string;
  clientMsgId: string;
  /** Already trimmed and within limits (the contract's schema). */
  body: string;
  /** A message of the same conversation this one answers. */
  replyToId?: string;
  kind?: 'text' | 'system' | 'game';
  /** With `kind: 'game'`: the new game (the games module decides it). */
  game?: GameStep;
  viaBot?: boolean;
  /** The connection that sent it: it has the ack, so the fan-out skips it. */
  originSocketId?: string;
  /** The sender's own uploads, not carried by another message (the writer checks, atomically). */
  attachmentIds?: string[];
}

/**
 * Posting in a conversation, for people, the bot and system lines alike: the same access check,
 * storage and fan-out. A retried send (same sender and clientMsgId) returns the stored original.
 */
@Injectable()
export class MessagePosting {
  constructor(
    private readonly access: ConversationAccess,
    private readonly messages: MessagesService,
    private readonly limits: RateLimits,
    private readonly mentions: Mentions,
    private readonly memberships: Memberships,
  ) {}

  /** A person's message: their send limit applies (per user or guest, across sockets). */
  async sendAsPerson(principal: MaybePrincipal, input: PostInput): Promise<Written> {
    if (!principal) throw unauthorized('Sign in or continue as a guest to post');
    await this.limits.consume(principal.kind === 'user' ? 'userSend' : 'guestSend', principal.id);
    return this.send(principal, input);
  }

  async send(principal: MaybePrincipal, input: PostInput): Promise<Written> {
    const kind = input.kind ?? 'text';
    const conversation = await this.access.getPostable(principal, input.conversationId, {
      inArchived: kind === 'system',
    });
    // System lines quote names, not mentions; most messages name nobody and cost no query.
    const [replyTo, mentions] = await Promise.all([
      input.replyToId ? this.replyParent(conversation, input.replyToId) : undefined,
      kind === 'text' ? this.mentions.resolve(conversation, input.body) : [],
    ]);
    return this.messages.write({
      conversationId: conversation.id,
      sender: principal!,
      clientMsgId: input.clientMsgId,
      body: input.body,
      kind,
      viaBot: input.viaBot ?? false,
      replyTo,
      mentions,
      game: input.game,
      attachmentIds: kind === 'text' ? input.attachmentIds : undefined,
      directUserIds: await this.memberships.directRecipients(conversation),
      originSocketId: input.originSocketId,
    });
  }

  /**
   * Who gets a change the server makes on its own in this conversation (a game's AI move):
   * its subscribers, and for a thread both participants' personal rooms.
   */
  async deliveryFor(conversationId: string): Promise<Delivery> {
    return {
      directUserIds: await this.memberships.directRecipients(
        await this.access.find(conversationId),
      ),
    };
  }

  /** A system line in a conversation, attributed to the user it is about. */
  async postSystem(conversationId: string, about: Principal, body: string) {
    const { message } = await this.send(about, {
      conversationId,
      clientMsgId: randomUUID(),
      body,
      kind: 'system',
    });
    return message;
  }

  /**
   * A system line about someone who is no longer a member (they just left), so without the
   * membership check: written after the change, readers who refetch on seeing it see it done.
   */
  async postSystemAfterLeaving(conversationId: string, about: Principal, body: string) {
    const conversation = await this.access.find(conversationId);
    const { message } = await this.messages.write({
      conversationId: conversation.id,
      sender: about,
      clientMsgId: randomUUID(),
      body,
      kind: 'system',
      viaBot: false,
      replyTo: undefined,
      mentions: [],
      game: undefined,
      directUserIds: await this.memberships.directRecipients(conversation),
    });
    return message;
  }

  /** The parent of a reply and its excerpt; VALIDATION unless it is a live message here. */
  private async replyParent(conversation: ConversationEntity, replyToId: string) {
    const parent = await this.messages.locate(replyToId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
      throw error;
    });
    if (!parent || parent.conversationId !== conversation.id || parent.deleted)
      throw new AppError('VALIDATION', 'You can only reply to a message of this conversation', [
        { path: 'replyToId', message: 'must be a message of this conversation' },
      ]);
    return { id: parent.id, excerpt: excerptOf(parent.body) };
  }
}

/** The first characters of a body (by code point, so no emoji is cut in half). */
export function excerptOf(body: string): string {
  const chars = [...body];
  return chars.length <= LIMITS.replyExcerptMax
    ? body
    : `${chars.slice(0, LIMITS.replyExcerptMax - 1).join('')}…`;
}
