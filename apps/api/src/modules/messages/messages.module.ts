import { Module } from '@nestjs/common';
import { ConversationsModule } from '../conversations/conversations.module.js';
import { ConversationMessagesController } from './conversation-messages.controller.js';
import { MessagesService } from './messages.service.js';

@Module({
  imports: [ConversationsModule],
  controllers: [ConversationMessagesController],
  providers: [MessagesService],
  exports: [MessagesService],
})
export class MessagesModule {}
