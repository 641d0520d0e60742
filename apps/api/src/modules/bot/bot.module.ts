import { Module } from '@nestjs/common';
import { ConversationsModule } from '../conversations/conversations.module.js';
import { MessagesModule } from '../messages/messages.module.js';
import { UsersModule } from '../users/users.module.js';
import { BotLeadership } from './bot-leadership.js';
import { BotService } from './bot.service.js';

@Module({
  imports: [ConversationsModule, MessagesModule, UsersModule],
  providers: [BotLeadership, BotService],
  exports: [BotLeadership],
})
export class BotModule {}
