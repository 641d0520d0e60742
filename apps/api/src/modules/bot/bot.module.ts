import { Module } from '@nestjs/common';
import { ConversationsModule } from '../conversations/index.js';
import { MessagesModule } from '../messages/index.js';
import { PresenceModule } from '../presence/index.js';
import { UsersModule } from '../users/index.js';
import { BotLeadership } from './bot-leadership.js';
import { BotService } from './bot.service.js';

@Module({
  imports: [ConversationsModule, MessagesModule, PresenceModule, UsersModule],
  providers: [BotLeadership, BotService],
  exports: [BotLeadership],
})
export class BotModule {}
