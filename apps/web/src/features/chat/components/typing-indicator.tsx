import type { PresenceUser } from '@chat/contracts';

export function typingText(users: PresenceUser[]): string {
  const names = users.map((user) => user.displayName);
  if (names.length === 0) return '';
  if (names.length === 1) return `${names[0]} is typing…`;
  if (names.length === 2) return `${names[0]} and ${names[1]} are typing…`;
  return 'Several people are typing…';
}

export function TypingIndicator({ users }: { users: PresenceUser[] }) {
  return <p className="typing-indicator">{typingText(users)}</p>;
}
