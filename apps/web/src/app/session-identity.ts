import type { MessageSender } from '@chat/contracts';
import type { Session } from '../features/auth';

/** How the signed-in person appears on a message they send; null for a visitor. */
export function senderOf(session: Session | undefined): MessageSender | null {
  if (session?.kind === 'user') {
    const { user } = session;
    return {
      id: user.id,
      kind: 'user',
      name: user.displayName,
      username: user.username,
      avatarColor: user.avatarColor,
    };
  }
  if (session?.kind === 'guest')
    return { id: session.guest.id, kind: 'guest', name: session.guest.name };
  return null;
}

export function userIdOf(session: Session | undefined): string | undefined {
  return session?.kind === 'user' ? session.user.id : undefined;
}
