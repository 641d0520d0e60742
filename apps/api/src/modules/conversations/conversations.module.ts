import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttachmentsModule } from '../attachments/index.js';
import { MessagesModule } from '../messages/index.js';
import { PresenceModule } from '../presence/index.js';
import { UsersModule } from '../users/index.js';
import { ConversationAccess } from './access/conversation-access.service.js';
import { AttachmentDownloadsController } from './attachments/attachment-downloads.controller.js';
import { AttachmentDownloads } from './attachments/attachment-downloads.service.js';
import { ConversationMemberEntity } from './conversation-member.entity.js';
import { ConversationEntity } from './conversation.entity.js';
import { ConversationReading } from './conversation-reading.service.js';
import { ConversationRoutesController } from './conversation-routes.controller.js';
import { ConversationSummaries } from './conversation-summaries.service.js';
import { GroupsController } from './groups/groups.controller.js';
import { GroupsService } from './groups/groups.service.js';
import { Memberships } from './membership/memberships.service.js';
import { Mentions } from './posting/mentions.js';
import { MessageChanging } from './posting/message-changing.service.js';
import { MessageRoutesController } from './posting/message-routes.controller.js';
import { MessagePosting } from './posting/message-posting.service.js';
import { RoomBans } from './rooms/room-bans.js';
import { RoomModerationController } from './rooms/room-moderation.controller.js';
import { RoomModeration } from './rooms/room-moderation.service.js';
import { RoomStore } from './rooms/room-store.js';
import { RoomsController } from './rooms/rooms.controller.js';
import { RoomsService } from './rooms/rooms.service.js';
import { MessageSearchService } from './search/message-search.service.js';
import { SearchController } from './search/search.controller.js';
import { ThreadStore } from './threads/thread-store.js';
import { ThreadsController } from './threads/threads.controller.js';
import { ThreadsService } from './threads/threads.service.js';

/**
 * The conversation domain: general, rooms and private threads; who may read and post (access),
 * who belongs (membership), posting, search (its access half), and the REST routes of rooms,
 * threads, conversations and search.
 * Owns the `conversations` and `conversation_members` tables.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([ConversationEntity, ConversationMemberEntity]),
    MessagesModule,
    AttachmentsModule,
    PresenceModule,
    UsersModule,
  ],
  controllers: [
    RoomsController,
    RoomModerationController,
    ThreadsController,
    GroupsController,
    ConversationRoutesController,
    MessageRoutesController,
    SearchController,
    AttachmentDownloadsController,
  ],
  providers: [
    AttachmentDownloads,
    ConversationAccess,
    ConversationReading,
    ConversationSummaries,
    GroupsService,
    Memberships,
    MessagePosting,
    MessageChanging,
    MessageSearchService,
    Mentions,
    RoomBans,
    RoomModeration,
    RoomStore,
    RoomsService,
    ThreadStore,
    ThreadsService,
  ],
  exports: [ConversationReading, MessagePosting, MessageChanging, RoomsService],
})
export class ConversationsModule {}
