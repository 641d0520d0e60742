import type { Message } from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { MaybePrincipal, Principal } from '../../../common/access/principal.js';
import { unauthorized } from '../../../common/errors/app-error.js';
import { RateLimits } from '../../../common/rate-limit/rate-limits.service.js';
import { MessagesService } from '../../messages/index.js';
import { ConversationAccess } from '../access/conversation-access.service.js';
import { threadParticipants } from '../threads/thread-store.js';

export interface PostInput {
  conversationId: string;
  clientMsgId: string;
  /** Already trimmed and within limits (the contract's schema). */
  body: string;
  kind?: 'text' | 'system';
  viaBot?: boolean;
  /** The connection that sent it: it has the ack, so the fan-out skips it. */
  originSocketId?: string;
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
  ) {}

  /** A person's message: their send limit applies (per user or guest, across sockets). */
  async sendAsPerson(principal: MaybePrincipal, input: PostInput): Promise<Message> {
    if (!principal) throw unauthorized('Sign in or continue as a guest to post');
    await this.limits.consume(principal.kind === 'user' ? 'userSend' : 'guestSend', principal.id);
    return this.send(principal, input);
  }

  async send(principal: MaybePrincipal, input: PostInput): Promise<Message> {
    const conversation = await this.access.getPostable(principal, input.conversationId);
    return this.messages.write({
      conversationId: conversation.id,
      sender: principal!,
      clientMsgId: input.clientMsgId,
      body: input.body,
      kind: input.kind ?? 'text',
      viaBot: input.viaBot ?? false,
      directUserIds: threadParticipants(conversation),
      originSocketId: input.originSocketId,
    });
  }

  /** A system line in a conversation, attributed to the user it is about. */
  postSystem(conversationId: string, about: Principal, body: string): Promise<Message> {
    return this.send(about, { conversationId, clientMsgId: randomUUID(), body, kind: 'system' });
  }
}
