import { useMemo, useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { useSession } from '../../features/auth';
import { ConversationView, listMentionables } from '../../features/chat';
import {
  canModerate,
  MemberList,
  RoomHeader,
  UnknownRoom,
  useMyRoomCounts,
  useRoom,
  useRoomRead,
  useRoomRemoval,
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
  const removal = useRoomRemoval(room.data?.id);
  const [membersOpen, setMembersOpen] = useState(false);

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

  // Told by the server that I am out (kicked, banned): leave the conversation at once, before
  // the room's details are fetched again.
  const removed = removal.data ?? null;
  const isMember = !removed && room.data.members.some((member) => member.user.id === myUserId);
  if (!isMember) {
    return (
      <div className="page">
        <RoomHeader room={room.data} isMember={false} />
        {removed ? (
          <p className="form__error" role="alert">
            {REMOVAL_TEXT[removed] ?? 'You are no longer in this room.'}
          </p>
        ) : null}
        {removed === 'banned' ? null : (
          <p>Join #{room.data.slug} to read the conversation and post.</p>
        )}
        {removed ? (
          <p>
            <Link to="/rooms">See all rooms</Link>
          </p>
        ) : (
          <MemberList room={room.data} myUserId={myUserId} />
        )}
      </div>
    );
  }
  const moderator = canModerate(room.data.myRole);
  const header = (
    <>
      <RoomHeader
        room={room.data}
        isMember
        membersOpen={membersOpen}
        onToggleMembers={() => setMembersOpen((open) => !open)}
      >
        <MuteToggle userId={myUserId} conversationId={room.data.id} />
      </RoomHeader>
      {membersOpen ? (
        <div id="room-members" className="conversation__panel">
          <MemberList room={room.data} myUserId={myUserId} />
        </div>
      ) : null}
    </>
  );
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
      showPins
      canPin={moderator}
      canModerate={moderator}
      readOnlyNotice={
        room.data.archived ? 'This room is archived: it is read-only for everyone.' : undefined
      }
    />
  );
}

const REMOVAL_TEXT: Record<string, string> = {
  kicked: 'A moderator removed you from this room.',
  banned: 'You are banned from this room.',
  left: 'You left this room.',
  deleted: 'This room was deleted.',
};
