import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/index.js';
import { MessageEntity } from './message.entity.js';
import { MessageWriter } from './message-writer.js';
import { MessagesService } from './messages.service.js';

/** Owns the `messages` table. It has no routes: the conversation domain serves them. */
@Module({
  imports: [TypeOrmModule.forFeature([MessageEntity]), UsersModule],
  providers: [MessagesService, MessageWriter],
  exports: [MessagesService],
})
export class MessagesModule {}
