import {
  authRefreshPayloadSchema,
  deletePayloadSchema,
  editPayloadSchema,
  gameMovePayloadSchema,
  gameStartPayloadSchema,
  joinPayloadSchema,
  leavePayloadSchema,
  pinPayloadSchema,
  presenceWatchPayloadSchema,
  reactionPayloadSchema,
  readPayloadSchema,
  sendPayloadSchema,
  typingPayloadSchema,
  type SessionPayload,
} from '@chat/contracts';
import { Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  WebSocketGateway,
} from '@nestjs/websockets';
import { AppError } from '../../common/errors/app-error.js';
import { reportInternal } from '../../common/errors/internal-error.js';
import { answerUnknownEvents, onEvent } from './ack.js';
import { ConversationEvents } from './conversation-events.js';
import { PresenceLifecycle } from './presence-lifecycle.js';
import { RealtimeFanout } from './realtime-fanout.js';
import { ShutdownDrain } from './shutdown-drain.js';
import { SlowConsumerGuard } from './slow-consumer-guard.js';
import { SocketAuthenticator } from './socket-authenticator.js';
import { SocketSessions } from './socket-sessions.js';
import { userRoom, type ChatServer, type ChatSocket } from './socket-types.js';

/**
 * Socket.IO transport: authenticates the handshake, checks each payload against the contract
 * and hands it to one service method, whose result or error answers the ack. Presence lives in
 * PresenceLifecycle, fan-out of domain events in RealtimeFanout.
 */
@WebSocketGateway()
export class ChatGateway
  implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy
{
  private readonly logger = new Logger('Socket');
  /** Each socket's set-up (personal room, presence); its handlers wait for it. */
  private readonly ready = new WeakMap<ChatSocket, Promise<void>>();

  constructor(
    private readonly authenticator: SocketAuthenticator,
    private readonly conversations: ConversationEvents,
    private readonly presence: PresenceLifecycle,
    private readonly fanout: RealtimeFanout,
    private readonly slowConsumers: SlowConsumerGuard,
    private readonly sessions: SocketSessions,
    private readonly drain: ShutdownDrain,
  ) {}

  afterInit(server: ChatServer): void {
    server.use(this.drain.middleware);
    server.use(this.authenticator.middleware);
    this.drain.attach(server);
    this.fanout.attach(server);
    this.sessions.attach(server);
    this.presence.start(server);
    this.slowConsumers.start(server);
  }

  onModuleDestroy(): void {
    this.slowConsumers.stop();
  }

  handleConnection(socket: ChatSocket): void {
    // Handlers are bound before any await so no early event is lost.
    this.bindHandlers(socket);
    const ready = this.setUp(socket);
    this.ready.set(socket, ready);
    // A set-up that fails is the server's fault: logged once (with its id), and the socket is
    // closed so the client connects again, rather than waiting for a `session` that never comes.
    // Events that were already on their way are answered INTERNAL (each with its own id).
    ready.catch((error: unknown) => {
      reportInternal(this.logger, error, 'Socket set-up failed after the handshake');
      socket.disconnect(true);
    });
  }

  async handleDisconnect(socket: ChatSocket): Promise<void> {
    this.sessions.ended(socket);
    await this.ready.get(socket)?.catch(() => undefined);
    await this.presence.disconnected(socket);
  }

  private async setUp(socket: ChatSocket): Promise<void> {
    const { principal } = socket.data;
    if (principal) await socket.join(userRoom(principal.id));
    await this.sessions.started(socket);
    await this.presence.connected(socket);
    const session: SessionPayload = {
      user: socket.data.sessionUser ?? null,
      guest: principal?.kind === 'guest' ? { id: principal.id, name: principal.name } : null,
      serverTime: new Date().toISOString(),
    };
    socket.emit('session', session);
    delete socket.data.sessionUser;
  }

  /** Waits for the socket's set-up; if that failed, the event is refused as INTERNAL. */
  private async whenReady(socket: ChatSocket): Promise<void> {
    await this.ready.get(socket)?.catch(() => {
      throw new AppError('INTERNAL', 'This connection could not be set up; reconnect');
    });
  }

  private bindHandlers(socket: ChatSocket): void {
    const events = this.conversations;
    const when =
      <P, R>(handler: (socket: ChatSocket, payload: P) => Promise<R>) =>
      async (payload: P) => {
        await this.whenReady(socket);
        this.sessions.assertCurrent(socket);
        return handler.call(events, socket, payload);
      };
    onEvent(socket, 'conversation:join', joinPayloadSchema, when(events.join));
    onEvent(socket, 'conversation:leave', leavePayloadSchema, when(events.leave));
    onEvent(socket, 'message:send', sendPayloadSchema, when(events.send));
    onEvent(socket, 'message:edit', editPayloadSchema, when(events.edit));
    onEvent(socket, 'message:delete', deletePayloadSchema, when(events.delete));
    onEvent(socket, 'reaction:add', reactionPayloadSchema, when(events.addReaction));
    onEvent(socket, 'reaction:remove', reactionPayloadSchema, when(events.removeReaction));
    onEvent(socket, 'game:start', gameStartPayloadSchema, when(events.startGame));
    onEvent(socket, 'game:move', gameMovePayloadSchema, when(events.moveInGame));
    onEvent(socket, 'message:pin', pinPayloadSchema, when(events.pin));
    onEvent(socket, 'typing', typingPayloadSchema, when(events.typing));
    onEvent(socket, 'conversation:read', readPayloadSchema, when(events.read));
    onEvent(socket, 'auth:refresh', authRefreshPayloadSchema, async (payload) => {
      await this.whenReady(socket);
      this.sessions.assertCurrent(socket);
      return this.sessions.refresh(socket, payload);
    });
    onEvent(socket, 'presence:watch', presenceWatchPayloadSchema, async ({ userIds }) => {
      await this.whenReady(socket);
      this.sessions.assertCurrent(socket);
      return this.presence.watch(socket, userIds);
    });
    answerUnknownEvents(socket);
  }
}
