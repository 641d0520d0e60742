// The conversation domain's public face: other modules import only from here.
export { ConversationsModule } from './conversations.module.js';
export { READABLE_BY_USER_SQL } from './access/conversation-access.service.js';
export { ConversationReading, type OpenedConversation } from './conversation-reading.service.js';
export { MessagePosting, type PostInput } from './posting/message-posting.service.js';
export { MessageChanging } from './posting/message-changing.service.js';
export { RoomsService } from './rooms/rooms.service.js';
export {
  ROOM_DELETED,
  ROOM_MEMBER_LEFT,
  type RoomDeletedEvent,
  type RoomMemberLeftEvent,
} from './rooms/rooms.events.js';
export { THREAD_CREATED, type ThreadCreatedEvent } from './threads/threads.events.js';
