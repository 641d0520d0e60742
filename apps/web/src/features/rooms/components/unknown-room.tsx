import { useState } from 'react';
import { useNavigate } from 'react-router';
import { NewRoomDialog } from './new-room-dialog';

/** A room address nobody has created yet: offers to create it under that name. */
export function UnknownRoom({ slug }: { slug: string }) {
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
