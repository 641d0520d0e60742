import { useMemo } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { useSession } from '../../features/auth';
import { ConversationView, listMentionables } from '../../features/chat';
import { MuteToggle } from '../../features/notifications';
import {
  GroupHeader,
  groupTitle,
  useGroup,
  useGroupRead,
  useGroupRemoval,
} from '../../features/threads';
import { senderOf, userIdOf } from '../session-identity';

/** A group conversation: its members' messages, with the group's name, members and actions. */
export function GroupPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const myUserId = userIdOf(session.data);
  const group = useGroup(id);
  const removal = useGroupRemoval(id);
  const onRead = useGroupRead(id);
  const navigate = useNavigate();
  const members = group.data?.members;
  const findMentionables = useMemo(() => listMentionables(members ?? []), [members]);

  if (session.isPending || group.isPending) return <p className="page muted">Loading…</p>;
  if (myUserId === undefined) {
    return (
      <div className="page">
        <p>
          <Link to="/login" state={{ from: `/g/${id}` }}>
            Log in
          </Link>{' '}
          to open this group.
        </p>
      </div>
    );
  }
  // Left here or in another tab: back to the lobby, as the Leave button does.
  if (removal.data === 'left') return <Navigate to="/" replace />;
  if (removal.data) {
    return (
      <div className="page">
        <p role="alert">You are no longer in this group.</p>
        <Link to="/">Back to the lobby</Link>
      </div>
    );
  }
  if (group.isError) return <p className="page form__error">Could not load the group.</p>;
  if (!group.data) {
    return (
      <div className="page">
        <h1>No such group</h1>
        <p>
          It does not exist, or you are not in it. <Link to="/">Back to the lobby</Link>
        </p>
      </div>
    );
  }
  const title = groupTitle(group.data, myUserId);
  return (
    <ConversationView
      key={group.data.id}
      conversationId={group.data.id}
      label={`Messages in the group ${title}`}
      me={senderOf(session.data)}
      placeholder={`Message ${title}`}
      onRead={onRead}
      header={
        <GroupHeader
          group={group.data}
          myUserId={myUserId}
          onLeft={() => void navigate('/', { replace: true })}
        >
          <MuteToggle userId={myUserId} conversationId={group.data.id} />
        </GroupHeader>
      }
      unreadAtOpen={group.data.unread}
      findMentionables={findMentionables}
      showPins
      canPin
    />
  );
}
