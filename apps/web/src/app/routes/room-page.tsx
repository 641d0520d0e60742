import { useMemo } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { useSession } from '../../features/auth';
import { ConversationView, listMentionables } from '../../features/chat';
import {
  MemberList,
  RoomHeader,
  UnknownRoom,
  useMyRoomCounts,
  useRoom,
  useRoomRead,
} from '../../features/rooms';
import { MuteToggle } from '../../features/notifications';
import { isApiError } from '../../lib/api-client';
import { senderOf, userIdOf } from '../session-identity';

export function RoomPage() {
  const { slug = '' } = useParams();
  const session = useSession();
  const myUserId = userIdOf(session.data);
  const room = useRoom(slug, myUserId !== undefined);
  const members = room.data?.members;
  const findMentionables = useMemo(
    () => listMentionables((members ?? []).map((member) => member.user)),
    [members],
  );
  const counts = useMyRoomCounts(room.data?.id);
  const onRead = useRoomRead(room.data?.id);

  if (session.isPending) return <p className="page muted">Loading…</p>;
  if (myUserId === undefined) {
    return (
      <div className="page">
        <h1>#{slug}</h1>
        <p>
          <Link to="/login" state={{ from: `/rooms/${slug}` }}>
            Log in
          </Link>{' '}
          or <Link to="/signup">sign up</Link> to open #{slug} and join in.
        </p>
      </div>
    );
  }
  if (isApiError(room.error, 'NOT_FOUND')) return <UnknownRoom slug={slug} />;
  if (room.isError) return <p className="page form__error">Could not load #{slug}.</p>;
  if (!room.data) return <p className="page muted">Loading #{slug}…</p>;
  // General has its own page, the lobby.
  if (room.data.kind === 'general') return <Navigate to="/" replace />;

  const isMember = room.data.members.some((member) => member.user.id === myUserId);
  const header = (
    <RoomHeader room={room.data} isMember={isMember}>
      {isMember ? <MuteToggle userId={myUserId} conversationId={room.data.id} /> : null}
    </RoomHeader>
  );
  if (!isMember) {
    return (
      <div className="page">
        {header}
        <p>Join #{room.data.slug} to read the conversation and post.</p>
        <MemberList room={room.data} />
      </div>
    );
  }
  return (
    <ConversationView
      key={room.data.id}
      conversationId={room.data.id}
      label={`Messages in #${room.data.slug}`}
      me={senderOf(session.data)}
      placeholder={`Message #${room.data.slug}`}
      showWhosHere
      header={header}
      onRead={onRead}
      unreadAtOpen={counts.unread}
      findMentionables={findMentionables}
    />
  );
}
