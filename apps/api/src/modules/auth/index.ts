// The auth module's public face: other modules import only from here.
export { AuthModule } from './auth.module.js';
export { AccessTokenService, type VerifiedToken } from './access-token.service.js';
export { SessionsService } from './sessions.service.js';
export { SESSION_ENDED, type SessionEndedEvent } from './auth.events.js';
