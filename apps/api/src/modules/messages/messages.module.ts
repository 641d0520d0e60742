import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttachmentsModule } from '../attachments/index.js';
import { UsersModule } from '../users/index.js';
import { MessageEntity, MessageReactionEntity } from './message.entity.js';
import { MessageChanges } from './message-changes.js';
import { MessageHydrator } from './message-hydrator.js';
import { MessageSearch } from './message-search.js';
import { MessageWriter } from './message-writer.js';
import { MessagesService } from './messages.service.js';

/** Owns the `messages` and `message_reactions` tables. It has no routes: the conversation domain serves them. */
@Module({
  imports: [
    TypeOrmModule.forFeature([MessageEntity, MessageReactionEntity]),
    UsersModule,
    AttachmentsModule,
  ],
  providers: [MessagesService, MessageWriter, MessageChanges, MessageHydrator, MessageSearch],
  exports: [MessagesService, MessageSearch],
})
export class MessagesModule {}
