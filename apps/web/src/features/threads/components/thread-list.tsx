import type { PublicUser, Thread } from '@chat/contracts';
import { NavLink } from 'react-router';
import { Avatar } from '../../../components/avatar';
import { useMutedConversations } from '../../../lib/conversation-mute';
import { useWatchPresence } from '../../../lib/presence-watch';
import { OnlineDot } from '../../users';
import { useThreads } from '../api/threads';

/** My private threads, newest first, with unread badges and the last message as a preview. */
export function ThreadList({ myUserId }: { myUserId: string }) {
  const threads = useThreads(true);
  // Groups (issue 18) get their own list in the web app later; this one shows direct threads.
  const items = (threads.data?.items ?? []).filter(isDirect);
  const muted = useMutedConversations(myUserId);
  useWatchPresence(items.map((thread) => thread.otherUser.id));
  return (
    <section className="sidebar__section" aria-labelledby="threads-heading">
      <h2 id="threads-heading" className="sidebar__heading">
        Private
      </h2>
      {threads.isSuccess && items.length === 0 ? (
        <p className="muted sidebar__empty">Pick someone under People to start a private chat.</p>
      ) : null}
      <ul className="sidebar__list" aria-label="Private threads">
        {items.map((thread) => {
          const preview = thread.lastMessage
            ? `${thread.lastMessage.sender.id === myUserId ? 'You: ' : ''}${thread.lastMessage.body}`
            : 'No messages yet';
          // Muted: its counts stay, dimmed, and out of the tab title.
          const isMuted = muted.includes(thread.id);
          return (
            <li key={thread.id}>
              <NavLink
                to={`/u/${thread.otherUser.username}`}
                className={`sidebar__item${isMuted ? ' sidebar__item--muted' : ''}`}
                aria-label={`${thread.otherUser.displayName}${thread.unread > 0 ? `, ${thread.unread} unread` : ''}${mentionText(thread.mentionCount)}${isMuted ? ', muted' : ''}`}
              >
                <Avatar
                  name={thread.otherUser.displayName}
                  color={thread.otherUser.avatarColor}
                  size="small"
                />
                <span className="sidebar__item-text">
                  <span className="sidebar__item-title">{thread.otherUser.displayName}</span>
                  <span className="sidebar__item-sub">{preview}</span>
                </span>
                <OnlineDot online={thread.otherUser.online} />
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
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function mentionText(count: number): string {
  if (count <= 0) return '';
  return `, ${count} new ${count === 1 ? 'mention' : 'mentions'}`;
}

function isDirect(thread: Thread): thread is Thread & { otherUser: PublicUser } {
  return thread.kind !== 'group' && thread.otherUser !== null;
}
