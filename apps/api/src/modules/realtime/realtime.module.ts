import { Module } from '@nestjs/common';
import { ConversationsModule } from '../conversations/conversations.module.js';
import { MessagesModule } from '../messages/messages.module.js';
import { UsersModule } from '../users/users.module.js';
import { ChatGateway } from './chat.gateway.js';
import { RealtimeFanout } from './realtime-fanout.js';
import { SlowConsumerGuard } from './slow-consumer-guard.js';
import { SocketAuthenticator } from './socket-authenticator.js';

@Module({
  imports: [ConversationsModule, MessagesModule, UsersModule],
  providers: [ChatGateway, RealtimeFanout, SlowConsumerGuard, SocketAuthenticator],
})
export class RealtimeModule {}
