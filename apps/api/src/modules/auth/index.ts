// The auth module's public face: other modules import only from here.
export { AuthModule } from './auth.module.js';
export { AccessTokenService } from './access-token.service.js';
