import { LIMITS } from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import { UsersService } from '../../users/index.js';
import type { ConversationEntity } from '../conversation.entity.js';
import { Memberships } from '../membership/memberships.service.js';
import { threadParticipants } from '../threads/thread-store.js';

/** The most mentions one message resolves (a body of 4,000 characters could name ~120). */
const MAX_MENTIONS = 50;

/**
 * `@username` at a word start: not after a letter, digit or another username character, so
 * an e-mail address mentions nobody. A trailing `.` or `-` (end of a sentence) may belong to
 * the sentence or to the name; both readings are tried.
 */
const MENTION = new RegExp(
  `(?<![\\p{L}\\p{N}_.@-])@([a-z0-9_.-]{${LIMITS.usernameMin},${LIMITS.usernameMax}})`,
  'giu',
);

/** The usernames a body mentions, lower-cased, in both readings of a trailing `.`/`-`. */
export function mentionedUsernames(body: string): string[] {
  const names = new Set<string>();
  for (const match of body.matchAll(MENTION)) {
    const name = match[1]!.toLowerCase();
    names.add(name);
    const trimmed = name.replace(/[.-]+$/, '');
    if (trimmed.length >= LIMITS.usernameMin) names.add(trimmed);
    if (names.size >= MAX_MENTIONS * 2) break;
  }
  return [...names];
}

/** Who a body mentions: users named as `@username` who can read the conversation. */
@Injectable()
export class Mentions {
  constructor(
    private readonly users: UsersService,
    private readonly memberships: Memberships,
  ) {}

  async resolve(conversation: ConversationEntity, body: string): Promise<string[]> {
    const names = mentionedUsernames(body);
    if (names.length === 0) return [];
    const ids = (await this.users.findIdsByUsernames(names)).slice(0, MAX_MENTIONS);
    if (conversation.kind === 'general') return ids.sort();
    const participants = threadParticipants(conversation);
    if (participants) return ids.filter((id) => participants.includes(id)).sort();
    return (await this.memberships.membersAmong(conversation.id, ids)).sort();
  }
}
