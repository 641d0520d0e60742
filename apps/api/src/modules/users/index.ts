// The users module's public face: other modules import only from here.
export { UsersModule } from './users.module.js';
export { UsersService, type Credentials, type SessionIdentity } from './users.service.js';
export { USER_UPDATED, type UserUpdatedEvent } from './users.events.js';
