// The presence module's public face: other modules import only from here.
export { PresenceModule } from './presence.module.js';
export {
  PresenceService,
  type ConversationPresenceState,
  type ExpiredSocket,
  type PresenceChange,
  type PresenceChanges,
  type Present,
} from './presence.service.js';
