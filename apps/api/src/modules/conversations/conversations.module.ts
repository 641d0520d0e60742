import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module.js';
import { ConversationMemberEntity } from './conversation-member.entity.js';
import { ConversationEntity } from './conversation.entity.js';
import { ConversationStore } from './conversation-store.service.js';
import { ConversationsService } from './conversations.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ConversationEntity, ConversationMemberEntity]), UsersModule],
  providers: [ConversationsService, ConversationStore],
  exports: [ConversationsService, ConversationStore],
})
export class ConversationsModule {}
