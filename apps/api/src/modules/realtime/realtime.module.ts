import { Module } from '@nestjs/common';
import { ConversationsModule } from '../conversations/index.js';
import { GamesModule } from '../games/index.js';
import { PresenceModule } from '../presence/index.js';
import { UsersModule } from '../users/index.js';
import { ChatGateway } from './chat.gateway.js';
import { ConversationEvents } from './conversation-events.js';
import { PresenceLifecycle } from './presence-lifecycle.js';
import { RealtimeFanout } from './realtime-fanout.js';
import { ShutdownDrain } from './shutdown-drain.js';
import { SlowConsumerGuard } from './slow-consumer-guard.js';
import { SocketAuthenticator } from './socket-authenticator.js';
import { SocketQuota } from './socket-quota.js';
import { SocketSessions } from './socket-sessions.js';

/** The Socket.IO side: handshake, client events, presence broadcasts and fan-out. */
@Module({
  imports: [ConversationsModule, GamesModule, PresenceModule, UsersModule],
  providers: [
    ChatGateway,
    ConversationEvents,
    PresenceLifecycle,
    RealtimeFanout,
    ShutdownDrain,
    SlowConsumerGuard,
    SocketAuthenticator,
    SocketQuota,
    SocketSessions,
  ],
  exports: [ShutdownDrain],
})
export class RealtimeModule {}
