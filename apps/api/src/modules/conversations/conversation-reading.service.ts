import type {
  ChangesQuery,
  Conversation,
  HistoryQuery,
  Message,
  MessagePage,
} from '@chat/contracts';
import { LIMITS } from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import type { MaybePrincipal } from '../../common/access/principal.js';
import { AppError } from '../../common/errors/app-error.js';
import { MessagesService } from '../messages/index.js';
import { ConversationAccess } from './access/conversation-access.service.js';
import { ConversationSummaries } from './conversation-summaries.service.js';
import { Memberships } from './membership/memberships.service.js';

/** What a reader gets on opening a conversation live. */
export interface OpenedConversation {
  conversation: Conversation;
  missed: Message[];
  hasMore: boolean;
}

/** Reading a conversation: its history, catching up, and the reader's marker. */
@Injectable()
export class ConversationReading {
  constructor(
    private readonly access: ConversationAccess,
    private readonly summaries: ConversationSummaries,
    private readonly memberships: Memberships,
    private readonly messages: MessagesService,
  ) {}

  async generalId(): Promise<string> {
    return (await this.access.getGeneral()).id;
  }

  /** NOT_FOUND, UNAUTHORIZED or FORBIDDEN unless the caller may read the conversation. */
  async assertReadable(principal: MaybePrincipal, conversationId: string): Promise<void> {
    await this.access.getReadable(principal, conversationId);
  }

  /**
   * Opens a conversation for a live reader: checks access, lets the caller `subscribe` (so no
   * change falls between catch-up and live delivery), then reads the counts and, with
   * `afterSeq`, every change after it (new messages and changed ones, by `rev`).
   */
  async open(
    principal: MaybePrincipal,
    conversationId: string,
    afterSeq: number | undefined,
    subscribe: (conversationId: string) => Promise<void>,
  ): Promise<OpenedConversation> {
    const entity = await this.access.getReadable(principal, conversationId);
    await subscribe(entity.id);
    // A visitor's join is cheap to make: it gets a shorter catch-up.
    const missedMax = principal ? LIMITS.missedOnJoinMax : LIMITS.visitorMissedOnJoinMax;
    const [conversation, missed] = await Promise.all([
      this.summaries.withCount(entity, principal?.kind === 'user' ? principal.id : undefined),
      afterSeq === undefined
        ? { items: [], hasMore: false }
        : this.messages.changesAfter(entity.id, afterSeq, missedMax),
    ]);
    return { conversation, missed: missed.items, hasMore: missed.hasMore };
  }

  async history(
    principal: MaybePrincipal,
    conversationId: string,
    query: HistoryQuery,
  ): Promise<MessagePage> {
    await this.access.getReadable(principal, conversationId);
    return query.after !== undefined
      ? this.messages.after(conversationId, query.after, query.limit)
      : this.messages.before(conversationId, query.before ?? null, query.limit);
  }

  /** Every change after counter value `after`, ascending by `rev` (GET …/changes). */
  async changes(
    principal: MaybePrincipal,
    conversationId: string,
    query: ChangesQuery,
  ): Promise<MessagePage> {
    await this.access.getReadable(principal, conversationId);
    return this.messages.changesAfter(conversationId, query.after, query.limit);
  }

  /** The pinned messages, the newest pin first (GET …/pins). */
  async pins(principal: MaybePrincipal, conversationId: string): Promise<Message[]> {
    await this.access.getReadable(principal, conversationId);
    return this.messages.pinnedIn(conversationId);
  }

  /** Read marker: only moves forward, never past the newest message. */
  async markRead(principal: MaybePrincipal, conversationId: string, seq: number): Promise<void> {
    if (principal?.kind !== 'user')
      throw new AppError('FORBIDDEN', 'Only signed-in users keep read markers');
    const conversation = await this.access.getReadable(principal, conversationId);
    if (conversation.kind === 'general') return; // general has no memberships to mark
    await this.memberships.markRead(conversationId, principal.id, seq);
  }
}
