import type { RoomDetails } from '@chat/contracts';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { useSession } from '../../features/auth/api/session';
import { ConversationView } from '../../features/chat/components/conversation-view';
import { useJoinRoom, useLeaveRoom, useRoom } from '../../features/rooms/api/rooms';
import { NewRoomDialog } from '../../features/rooms/components/new-room-dialog';
import { isApiError } from '../../lib/api-client';
import { senderOf, userIdOf } from '../session-identity';

export function RoomPage() {
  const { slug = '' } = useParams();
  const session = useSession();
  const myUserId = userIdOf(session.data);
  const room = useRoom(slug, myUserId !== undefined);

  if (session.isPending) return <p className="page muted">Loading…</p>;
  if (myUserId === undefined) {
    return (
      <div className="page">
        <h1>#{slug}</h1>
        <p>
          Rooms are for people with an account.{' '}
          <Link to="/login" state={{ from: `/rooms/${slug}` }}>
            Log in
          </Link>{' '}
          or <Link to="/signup">sign up</Link> to join in.
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
  const header = <RoomHeader room={room.data} isMember={isMember} />;
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
    />
  );
}

function RoomHeader({ room, isMember }: { room: RoomDetails; isMember: boolean }) {
  const join = useJoinRoom(room.slug ?? '');
  const leave = useLeaveRoom(room.slug ?? '');
  return (
    <header className="conversation__header">
      <div>
        <h1>#{room.slug}</h1>
        <p className="muted conversation__topic">
          {room.name}
          {room.topic ? ` — ${room.topic}` : ''} · {room.memberCount}{' '}
          {room.memberCount === 1 ? 'member' : 'members'}
        </p>
      </div>
      {isMember ? (
        <button type="button" onClick={() => leave.mutate()} disabled={leave.isPending}>
          Leave room
        </button>
      ) : (
        <button
          type="button"
          className="button--primary"
          onClick={() => join.mutate()}
          disabled={join.isPending}
        >
          Join room
        </button>
      )}
    </header>
  );
}

function MemberList({ room }: { room: RoomDetails }) {
  if (room.members.length === 0) return null;
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">Members</h2>
      <ul className="plain-list">
        {room.members.map((member) => (
          <li key={member.user.id}>
            <Link to={`/u/${member.user.username}`}>{member.user.displayName}</Link>
            {member.role === 'owner' ? <span className="muted"> (owner)</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function UnknownRoom({ slug }: { slug: string }) {
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  return (
    <div className="page">
      <h1>#{slug}</h1>
      <p>There is no room called #{slug} yet.</p>
      <button type="button" className="button--primary" onClick={() => setCreating(true)}>
        Create #{slug}
      </button>
      {creating ? (
        <NewRoomDialog
          initialName={slug}
          onClose={() => setCreating(false)}
          onCreated={(room) => void navigate(`/rooms/${room.slug}`)}
        />
      ) : null}
    </div>
  );
}
