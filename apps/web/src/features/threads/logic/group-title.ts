import type { PublicUser, Thread } from '@chat/contracts';
import { LIMITS } from '@chat/contracts';

/** How many names a group without a name shows before "and N more". */
const NAMES_SHOWN = 3;

/**
 * A group's title: its name, or else the other members' names ("Ann, Bob and Cat", "Ann, Bob,
 * Cat and 2 more"), the viewer left out.
 */
export function groupTitle(thread: Pick<Thread, 'name' | 'members'>, myUserId: string): string {
  const name = thread.name?.trim();
  if (name) return name;
  const others = thread.members.filter((user) => user.id !== myUserId).map((u) => u.displayName);
  if (others.length === 0) return 'Just you';
  if (others.length <= NAMES_SHOWN) return joinNames(others);
  const rest = others.length - NAMES_SHOWN;
  return `${others.slice(0, NAMES_SHOWN).join(', ')} and ${rest} more`;
}

function joinNames(names: string[]): string {
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Others a group may take besides me: 2 to 49 (3–50 people in all). */
export const GROUP_OTHERS_MIN = LIMITS.groupMembersMin - 1;
export const GROUP_OTHERS_MAX = LIMITS.groupMembersMax - 1;

/**
 * What stops a pick of people from making a group, or null when it can: too few, too many.
 */
export function pickProblem(picked: readonly PublicUser[]): string | null {
  if (picked.length < GROUP_OTHERS_MIN)
    return `Pick at least ${GROUP_OTHERS_MIN} people (${GROUP_OTHERS_MIN - picked.length} more)`;
  if (picked.length > GROUP_OTHERS_MAX)
    return `A group holds ${LIMITS.groupMembersMax} people at most, you included`;
  return null;
}
