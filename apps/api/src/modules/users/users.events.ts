import type { PublicUser } from '@chat/contracts';

/** Emitted after a profile edit; realtime tells everyone (`user:updated`). */
export const USER_UPDATED = 'user.updated';
export type UserUpdatedEvent = PublicUser;
