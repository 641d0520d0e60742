// The messages module's public face: other modules import only from here.
export { MessagesModule } from './messages.module.js';
export { MessagesService, type NewMessage, type ReadMarker } from './messages.service.js';
export { MESSAGE_CREATED, type MessageCreatedEvent } from './messages.events.js';
