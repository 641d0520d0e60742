import type {
  Conversation,
  DeletePayload,
  EditPayload,
  GameMovePayload,
  GameStartPayload,
  JoinPayload,
  JoinResult,
  Message,
  PinPayload,
  ReactionPayload,
  ReadPayload,
  SendPayload,
  TypingPayload,
} from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import { AppError, unauthorized } from '../../common/errors/app-error.js';
import { RateLimits } from '../../common/rate-limit/rate-limits.service.js';
import { ConversationReading, MessageChanging, MessagePosting } from '../conversations/index.js';
import { GamesService } from '../games/index.js';
import { PresenceLifecycle } from './presence-lifecycle.js';
import { conversationRoom, type ChatSocket } from './socket-types.js';

/** What a socket does in conversations: one method per client event. */
@Injectable()
export class ConversationEvents {
  constructor(
    private readonly reading: ConversationReading,
    private readonly posting: MessagePosting,
    private readonly changing: MessageChanging,
    private readonly games: GamesService,
    private readonly presence: PresenceLifecycle,
    private readonly limits: RateLimits,
  ) {}

  /** Subscribes the socket (before catch-up, so nothing falls between) and welcomes it. */
  async join(socket: ChatSocket, payload: JoinPayload): Promise<JoinResult> {
    await this.limits.consume('conversationJoin', socket.id);
    const opened = await this.reading.open(
      socket.data.principal,
      payload.conversationId,
      payload.afterSeq,
      async (conversationId) => {
        await socket.join(conversationRoom(conversationId));
        await this.presence.joined(socket, conversationId);
      },
    );
    const { conversation } = opened;
    const present = await this.presence.presentIn(conversation.id);
    // No head count in the text: a stored-once line cannot follow joins and leaves, and the
    // live count is what the client shows beside "Who's here" (from `presence`).
    socket.emit('system:notice', {
      conversationId: conversation.id,
      text: `Welcome to ${displayName(conversation)}`,
    });
    return {
      conversation,
      presence: present.users,
      presenceCount: present.count,
      missed: opened.missed,
      hasMore: opened.hasMore,
    };
  }

  async leave(socket: ChatSocket, payload: { conversationId: string }): Promise<null> {
    const room = conversationRoom(payload.conversationId);
    if (!socket.rooms.has(room)) {
      // Nothing to leave; but an id the caller cannot see is NOT_FOUND, as for every other event.
      await this.reading.assertReadable(socket.data.principal, payload.conversationId);
      return null;
    }
    await socket.leave(room);
    await this.presence.left(socket, payload.conversationId);
    return null;
  }

  async send(socket: ChatSocket, payload: SendPayload): Promise<Message> {
    const { message } = await this.posting.sendAsPerson(socket.data.principal, {
      ...payload,
      originSocketId: socket.id,
    });
    return message;
  }

  edit(socket: ChatSocket, { messageId, body }: EditPayload): Promise<Message> {
    return this.changing.edit(socket.data.principal, messageId, body, socket.id);
  }

  delete(socket: ChatSocket, { messageId }: DeletePayload): Promise<Message> {
    return this.changing.remove(socket.data.principal, messageId, socket.id);
  }

  addReaction(socket: ChatSocket, { messageId, emoji }: ReactionPayload): Promise<Message> {
    return this.changing.react(socket.data.principal, messageId, emoji, true, socket.id);
  }

  removeReaction(socket: ChatSocket, { messageId, emoji }: ReactionPayload): Promise<Message> {
    return this.changing.react(socket.data.principal, messageId, emoji, false, socket.id);
  }

  async startGame(socket: ChatSocket, payload: GameStartPayload): Promise<Message> {
    // The starting socket gets `message:new` too (no origin is skipped): a client shows the
    // new game as it shows anyone's, and drops the copy it may already hold from the ack.
    const { message } = await this.games.start(socket.data.principal, payload);
    return message;
  }

  moveInGame(socket: ChatSocket, { messageId, cell }: GameMovePayload): Promise<Message> {
    return this.games.move(socket.data.principal, messageId, cell, socket.id);
  }

  pin(socket: ChatSocket, { messageId, pinned }: PinPayload): Promise<Message> {
    return this.changing.pin(socket.data.principal, messageId, pinned, socket.id);
  }

  async typing(socket: ChatSocket, payload: TypingPayload): Promise<null> {
    const user = socket.data.presenceUser;
    if (!user) throw unauthorized('Sign in to type');
    const room = conversationRoom(payload.conversationId);
    if (!socket.rooms.has(room)) throw new AppError('NOT_FOUND', 'Join the conversation first');
    // Typing hints past the limit are dropped: the next one says the same.
    if (!(await this.limits.allows('typing', `${socket.id}:${payload.conversationId}`)))
      return null;
    // Volatile: a lost typing hint is better than a late one.
    socket.to(room).volatile.emit('typing', {
      conversationId: payload.conversationId,
      user,
      isTyping: payload.isTyping,
    });
    return null;
  }

  async read(socket: ChatSocket, payload: ReadPayload): Promise<null> {
    await this.reading.markRead(socket.data.principal, payload.conversationId, payload.seq);
    return null;
  }
}

function displayName(conversation: Conversation): string {
  if (conversation.kind === 'direct') return 'your private thread';
  if (conversation.kind === 'group') return conversation.name || 'your group';
  return `#${conversation.slug ?? conversation.name}`;
}
