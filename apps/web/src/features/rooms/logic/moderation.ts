import type { MemberRole } from '@chat/contracts';

/** What one member may do to another in a room (the API's ranks: owner > moderator > member). */
export type MemberAction = 'promote' | 'demote' | 'make-owner' | 'kick' | 'ban';

const RANK: Record<MemberRole, number> = { member: 0, moderator: 1, owner: 2 };

/**
 * The actions `myRole` has on a member holding `theirRole`, in menu order: roles are the
 * owner's alone; kicking and banning need a higher rank; nobody acts on themselves here.
 */
export function memberActions(
  myRole: MemberRole | undefined,
  theirRole: MemberRole,
  isSelf: boolean,
): MemberAction[] {
  if (!myRole || isSelf) return [];
  const actions: MemberAction[] = [];
  if (myRole === 'owner') {
    if (theirRole === 'member') actions.push('promote');
    if (theirRole === 'moderator') actions.push('demote');
    actions.push('make-owner');
  }
  if (RANK[myRole] > RANK[theirRole] && RANK[myRole] >= RANK.moderator) {
    actions.push('kick', 'ban');
  }
  return actions;
}

/** Moderators and the owner run the room: settings, bans, pins, deleting others' messages. */
export function canModerate(role: MemberRole | undefined): boolean {
  return role === 'owner' || role === 'moderator';
}

export const ACTION_LABELS: Record<MemberAction, string> = {
  promote: 'Make moderator',
  demote: 'Remove moderator',
  'make-owner': 'Make owner',
  kick: 'Remove from room',
  ban: 'Ban',
};
