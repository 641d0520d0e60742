import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../features/auth';
import { NewRoomDialog, RoomList } from '../../features/rooms';

export function RoomsPage() {
  const session = useSession();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const isUser = session.data?.kind === 'user';

  return (
    <div className="page">
      <div className="page__title-row">
        <h1>Rooms</h1>
        {isUser ? (
          <button type="button" className="button--primary" onClick={() => setCreating(true)}>
            New room
          </button>
        ) : (
          <p className="muted">
            <Link to="/login" state={{ from: '/rooms' }}>
              Log in
            </Link>{' '}
            to create and join rooms.
          </p>
        )}
      </div>
      <RoomList canCreate={isUser} />
      {creating ? (
        <NewRoomDialog
          onClose={() => setCreating(false)}
          onCreated={(room) => void navigate(`/rooms/${room.slug}`)}
        />
      ) : null}
    </div>
  );
}
