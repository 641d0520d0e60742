import type { Thread } from '@chat/contracts';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { Avatar } from '../../../components/avatar';
import { useMutedConversations } from '../../../lib/conversation-mute';
import { useWatchPresence } from '../../../lib/presence-watch';
import { OnlineDot } from '../../users';
import { useThreads } from '../api/threads';
import { groupTitle } from '../logic/group-title';

/**
 * My private threads and groups, newest first, with unread and mention badges and the last
 * message as a preview. `actions` goes beside the heading (the "New group" button).
 */
export function ThreadList({ myUserId, actions }: { myUserId: string; actions?: ReactNode }) {
  const threads = useThreads(true);
  const items = threads.data?.items ?? [];
  // Muted: its counts stay, dimmed, and out of the tab title.
  const muted = useMutedConversations(myUserId);
  useWatchPresence(items.flatMap((thread) => (thread.otherUser ? [thread.otherUser.id] : [])));
  return (
    <section className="sidebar__section" aria-labelledby="threads-heading">
      <h2 id="threads-heading" className="sidebar__heading">
        Private
        {actions}
      </h2>
      {threads.isSuccess && items.length === 0 ? (
        <p className="muted sidebar__empty">Pick someone under People to start a private chat.</p>
      ) : null}
      <ul className="sidebar__list" aria-label="Private threads">
        {items.map((thread) => (
          <li key={thread.id}>
            <ThreadLink thread={thread} myUserId={myUserId} muted={muted.includes(thread.id)} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function ThreadLink({
  thread,
  myUserId,
  muted,
}: {
  thread: Thread;
  myUserId: string;
  muted: boolean;
}) {
  const preview = thread.lastMessage
    ? `${thread.lastMessage.sender.id === myUserId ? 'You: ' : ''}${thread.lastMessage.body}`
    : 'No messages yet';
  const other = thread.kind === 'group' ? null : thread.otherUser;
  if (thread.kind !== 'group' && !other) return null;
  const title = other ? other.displayName : groupTitle(thread, myUserId);
  return (
    <NavLink
      to={other ? `/u/${other.username}` : `/g/${thread.id}`}
      className={`sidebar__item${muted ? ' sidebar__item--muted' : ''}`}
      aria-label={`${title}${other ? '' : ', group'}${thread.unread > 0 ? `, ${thread.unread} unread` : ''}${mentionText(thread.mentionCount)}${muted ? ', muted' : ''}`}
    >
      {other ? (
        <Avatar name={other.displayName} color={other.avatarColor} size="small" />
      ) : (
        <span className="sidebar__group-icon" aria-hidden="true">
          {thread.members.length}
        </span>
      )}
      <span className="sidebar__item-text">
        <span className="sidebar__item-title">{title}</span>
        <span className="sidebar__item-sub">{preview}</span>
      </span>
      {other ? <OnlineDot online={other.online} /> : null}
      {thread.mentionCount > 0 ? (
        <span className="badge badge--count badge--mention" aria-hidden="true">
          @{thread.mentionCount}
        </span>
      ) : null}
      {thread.unread > 0 ? (
        <span className="badge badge--count" aria-hidden="true">
          {thread.unread}
        </span>
      ) : null}
    </NavLink>
  );
}

function mentionText(count: number): string {
  if (count <= 0) return '';
  return `, ${count} new ${count === 1 ? 'mention' : 'mentions'}`;
}
