import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useSession } from '../../features/auth';
import { ConversationView, listMentionables } from '../../features/chat';
import { MuteToggle } from '../../features/notifications';
import { ThreadHeader, usePrivateThread } from '../../features/threads';
import { useUser } from '../../features/users';
import { isApiError } from '../../lib/api-client';
import { senderOf, userIdOf } from '../session-identity';

/** The private thread with one person, opened (and created if need be) on arrival. */
export function ThreadPage() {
  const { username = '' } = useParams();
  const session = useSession();
  const myUserId = userIdOf(session.data);
  const other = useUser(username);
  const canOpen = myUserId !== undefined && other.data !== undefined && other.data.id !== myUserId;
  const { thread, onRead } = usePrivateThread(canOpen ? other.data?.id : undefined);
  const me = session.data?.kind === 'user' ? session.data.user : undefined;
  // A thread has two readers: `@` offers the other person (and yourself).
  const findMentionables = useMemo(
    () => listMentionables([other.data, me].filter((user) => user !== undefined)),
    [other.data, me],
  );

  if (isApiError(other.error, 'NOT_FOUND')) {
    return (
      <div className="page">
        <h1>Nobody called @{username}</h1>
        <p>
          Check the spelling, or find people in the directory. <Link to="/">Back to the lobby</Link>
        </p>
      </div>
    );
  }
  if (other.isError) return <p className="page form__error">Could not load @{username}.</p>;
  if (!other.data || session.isPending) return <p className="page muted">Loading…</p>;

  const header = (
    <ThreadHeader user={other.data}>
      <MuteToggle userId={myUserId} conversationId={thread.data?.id} />
    </ThreadHeader>
  );
  if (myUserId === undefined) {
    return (
      <div className="page">
        {header}
        <p>
          <Link to="/login" state={{ from: `/u/${username}` }}>
            Log in
          </Link>{' '}
          or <Link to="/signup">sign up</Link> to chat privately with {other.data.displayName}.
        </p>
      </div>
    );
  }
  if (other.data.id === myUserId) {
    return (
      <div className="page">
        {header}
        <p>
          This is you. <Link to="/me">Edit your profile</Link>, or pick someone else to talk to.
        </p>
      </div>
    );
  }
  if (thread.isError) return <p className="page form__error">Could not open the conversation.</p>;
  if (!thread.data) {
    return (
      <div className="page">
        {header}
        <p className="muted">Opening…</p>
      </div>
    );
  }
  return (
    <ConversationView
      key={thread.data.id}
      conversationId={thread.data.id}
      label={`Private messages with ${other.data.displayName}`}
      me={senderOf(session.data)}
      placeholder={`Message ${other.data.displayName}`}
      onRead={onRead}
      header={header}
      unreadAtOpen={thread.data.unread}
      findMentionables={findMentionables}
      showPins
      canPin
    />
  );
}
