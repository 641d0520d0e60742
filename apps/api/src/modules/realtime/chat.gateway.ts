import {
  joinPayloadSchema,
  leavePayloadSchema,
  LIMITS,
  readPayloadSchema,
  sendPayloadSchema,
  typingPayloadSchema,
  type JoinPayload,
  type JoinResult,
  type Message,
  type PresenceUser,
  type SendPayload,
  type SessionPayload,
  type TypingPayload,
} from '@chat/contracts';
import { Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { AppError, unauthorized } from '../../common/errors/app-error.js';
import type { ConversationEntity } from '../conversations/conversation.entity.js';
import { ConversationsService } from '../conversations/conversations.service.js';
import { MessagesService } from '../messages/messages.service.js';
import { PresenceService } from '../users/presence/presence.service.js';
import { UsersService } from '../users/users.service.js';
import { answerUnknownEvents, onEvent } from './ack.js';
import { RealtimeFanout } from './realtime-fanout.js';
import { SlowConsumerGuard } from './slow-consumer-guard.js';
import { SocketAuthenticator } from './socket-authenticator.js';
import { conversationRoom, userRoom, type ChatServer, type ChatSocket } from './socket-types.js';

/** How often this process looks for sockets of dead processes (Redis presence only). */
const SWEEP_INTERVAL_MS = 2000;

/**
 * Socket.IO transport: authenticates the handshake, keeps socket rooms and presence, checks each
 * payload against the contract and hands it to the services. Fan-out of stored messages lives in
 * RealtimeFanout.
 */
@WebSocketGateway()
export class ChatGateway
  implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy
{
  @WebSocketServer() private readonly server!: ChatServer;
  private readonly logger = new Logger('ChatGateway');
  /** Presence registration of each socket; its handlers wait for it. */
  private readonly ready = new WeakMap<ChatSocket, Promise<void>>();
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly authenticator: SocketAuthenticator,
    private readonly conversations: ConversationsService,
    private readonly messages: MessagesService,
    private readonly presence: PresenceService,
    private readonly users: UsersService,
    private readonly fanout: RealtimeFanout,
    private readonly slowConsumers: SlowConsumerGuard,
  ) {}

  afterInit(server: ChatServer): void {
    server.use(this.authenticator.middleware);
    this.fanout.attach(server);
    this.slowConsumers.start(server);
    this.sweeper = setInterval(() => void this.sweepDeadProcesses(), SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.slowConsumers.stop();
  }

  /** Users of a process that died drop offline by themselves; a survivor tells everyone. */
  private async sweepDeadProcesses(): Promise<void> {
    try {
      for (const gone of await this.presence.sweepExpired()) this.announceDeparture(gone);
    } catch (error) {
      this.logger.warn(`Presence sweep failed: ${(error as Error).message}`);
    }
  }

  private announceDeparture(change: {
    user: PresenceUser;
    userChanged: boolean;
    conversationsChanged: string[];
  }) {
    const { user } = change;
    for (const conversationId of change.conversationsChanged) {
      this.server
        .to(conversationRoom(conversationId))
        .emit('presence:leave', { conversationId, user });
    }
    if (change.userChanged) {
      this.server.emit('user:offline', { userId: user.id });
      // Guests have no row; for them this updates nothing.
      void this.users.touchLastSeen(user.id).catch(() => undefined);
    }
  }

  handleConnection(socket: ChatSocket): void {
    // Handlers are bound before any await so no early event is lost.
    this.bindHandlers(socket);
    this.ready.set(socket, this.register(socket));
  }

  async handleDisconnect(socket: ChatSocket): Promise<void> {
    await this.ready.get(socket)?.catch(() => undefined);
    const { user, ...change } = await this.presence.disconnect(socket.id);
    if (user) this.announceDeparture({ user, ...change });
  }

  private async register(socket: ChatSocket): Promise<void> {
    const { principal, presenceUser } = socket.data;
    if (principal) await socket.join(userRoom(principal.id));
    const { userChanged } = await this.presence.connect(socket.id, presenceUser);
    const session: SessionPayload = {
      user: socket.data.sessionUser ?? null,
      guest: principal?.kind === 'guest' ? { id: principal.id, name: principal.name } : null,
      serverTime: new Date().toISOString(),
    };
    socket.emit('session', session);
    delete socket.data.sessionUser;
    if (userChanged && presenceUser)
      socket.broadcast.emit('user:online', { userId: presenceUser.id });
  }

  private bindHandlers(socket: ChatSocket): void {
    const when =
      <P, R>(handler: (socket: ChatSocket, payload: P) => Promise<R>) =>
      async (payload: P) => {
        await this.ready.get(socket);
        return handler.call(this, socket, payload);
      };
    onEvent(socket, 'conversation:join', joinPayloadSchema, when(this.join));
    onEvent(socket, 'conversation:leave', leavePayloadSchema, when(this.leave));
    onEvent(socket, 'message:send', sendPayloadSchema, when(this.send));
    onEvent(socket, 'typing', typingPayloadSchema, when(this.typing));
    onEvent(socket, 'conversation:read', readPayloadSchema, when(this.read));
    answerUnknownEvents(socket);
  }

  private async join(socket: ChatSocket, payload: JoinPayload): Promise<JoinResult> {
    const conversation = await this.conversations.getReadable(
      socket.data.principal,
      payload.conversationId,
    );
    const room = conversationRoom(conversation.id);
    await socket.join(room);
    const firstHere = await this.presence.join(socket.id, conversation.id);
    if (firstHere && socket.data.presenceUser) {
      socket
        .to(room)
        .emit('presence:join', { conversationId: conversation.id, user: socket.data.presenceUser });
    }
    const [summary, present, missed] = await Promise.all([
      this.conversations.withCount(conversation),
      this.presence.presentIn(conversation.id),
      payload.afterSeq === undefined
        ? { items: [], hasMore: false }
        : this.messages.after(conversation.id, payload.afterSeq, LIMITS.missedOnJoinMax),
    ]);
    socket.emit('system:notice', {
      conversationId: conversation.id,
      text: `Welcome to ${displayName(conversation)} — ${present.length} online`,
    });
    return {
      conversation: summary,
      presence: present,
      missed: missed.items,
      hasMore: missed.hasMore,
    };
  }

  private async leave(socket: ChatSocket, payload: { conversationId: string }): Promise<null> {
    const room = conversationRoom(payload.conversationId);
    if (!socket.rooms.has(room)) {
      // Nothing to leave; but an id the caller cannot see is NOT_FOUND, as for every other event.
      await this.conversations.getReadable(socket.data.principal, payload.conversationId);
      return null;
    }
    await socket.leave(room);
    const lastHere = await this.presence.leave(socket.id, payload.conversationId);
    if (lastHere && socket.data.presenceUser) {
      this.server.to(room).emit('presence:leave', {
        conversationId: payload.conversationId,
        user: socket.data.presenceUser,
      });
    }
    return null;
  }

  private async send(socket: ChatSocket, payload: SendPayload): Promise<Message> {
    const { principal, sendLimiter } = socket.data;
    if (!principal || !sendLimiter) throw unauthorized('Sign in or continue as a guest to post');
    if (!sendLimiter.tryTake())
      throw new AppError('RATE_LIMITED', 'You are sending too fast; wait a moment');
    return this.messages.send(principal, { ...payload, originSocketId: socket.id });
  }

  private async typing(socket: ChatSocket, payload: TypingPayload): Promise<null> {
    const user = socket.data.presenceUser;
    if (!user) throw unauthorized('Sign in to type');
    const room = conversationRoom(payload.conversationId);
    if (!socket.rooms.has(room)) throw new AppError('NOT_FOUND', 'Join the conversation first');
    // Volatile: a lost typing hint is better than a late one.
    socket.to(room).volatile.emit('typing', {
      conversationId: payload.conversationId,
      user,
      isTyping: payload.isTyping,
    });
    return null;
  }

  private async read(
    socket: ChatSocket,
    payload: { conversationId: string; seq: number },
  ): Promise<null> {
    await this.conversations.markRead(socket.data.principal, payload.conversationId, payload.seq);
    return null;
  }
}

function displayName(conversation: ConversationEntity): string {
  return conversation.kind === 'direct'
    ? 'your private thread'
    : `#${conversation.slug ?? conversation.name}`;
}
