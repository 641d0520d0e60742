import type { OwnProfile, PresenceUser, PublicUser } from '@chat/contracts';
import type { UserEntity } from './user.entity.js';

/** The public face of a user; never the password hash or anything private. */
export function toPublicUser(user: UserEntity, online: boolean): PublicUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    bio: user.bio,
    avatarColor: user.avatarColor,
    location: user.location,
    online,
    lastSeenAt: user.lastSeenAt?.toISOString() ?? null,
    isDemo: user.isDemo,
  };
}

export function toOwnProfile(user: UserEntity, online: boolean): OwnProfile {
  return {
    ...toPublicUser(user, online),
    createdAt: user.createdAt.toISOString(),
    botOptOut: user.botOptOut,
    sampleProfile: user.sampleProfile,
  };
}

export function toPresenceUser(
  user: Pick<UserEntity, 'id' | 'username' | 'displayName' | 'avatarColor'>,
): PresenceUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    avatarColor: user.avatarColor,
  };
}
