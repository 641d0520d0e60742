import { Module } from '@nestjs/common';
import { ConversationsModule } from '../conversations/conversations.module.js';
import { ConversationMessagesController } from './conversation-messages.controller.js';
import { MessageWriter } from './message-writer.js';
import { MessagesService } from './messages.service.js';

@Module({
  imports: [ConversationsModule],
  controllers: [ConversationMessagesController],
  providers: [MessagesService, MessageWriter],
  exports: [MessagesService],
})
export class MessagesModule {}
