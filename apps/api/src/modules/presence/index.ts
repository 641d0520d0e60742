// The presence module's public face: other modules import only from here.
export { PresenceModule } from './presence.module.js';
export { PresenceService, type ExpiredSocket, type PresenceChange } from './presence.service.js';
