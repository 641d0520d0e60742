// The messages module's public face: other modules import only from here.
export { MessagesModule } from './messages.module.js';
export {
  MessagesService,
  type Delivery,
  type MessageLocation,
  type NewMessage,
  type ReadMarker,
  type UnreadCount,
} from './messages.service.js';
export type { Written } from './message-writer.js';
export {
  MessageSearch,
  SEARCH_CONFIG,
  searchSql,
  type MessageSearchHit,
  type MessageSearchPage,
  type MessageSearchRequest,
} from './message-search.js';
// The statement itself and its headline options: the plan test runs EXPLAIN on them.
export { HEADLINE_OPTIONS } from './search-highlights.js';
export type { GameDecision, GameStep, ServerGameDecision } from './message-changes.js';
export {
  MESSAGE_CREATED,
  MESSAGE_UPDATED,
  type MessageCreatedEvent,
  type MessageUpdatedEvent,
} from './messages.events.js';
