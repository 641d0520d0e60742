import { useSession } from '../../features/auth/api/session';
import { GuestEntry } from '../../features/auth/components/guest-entry';
import { ConversationView } from '../../features/chat/components/conversation-view';
import { useGeneral } from '../../features/rooms/api/rooms';
import { senderOf } from '../session-identity';

/** General chat for everyone; visitors read and may enter as guests. */
export function LobbyPage() {
  const session = useSession();
  const general = useGeneral();

  const header = (
    <header className="conversation__header">
      <div>
        <h1># general</h1>
        {general.data?.topic ? (
          <p className="muted conversation__topic">{general.data.topic}</p>
        ) : null}
      </div>
      {session.data?.kind === 'visitor' ? <GuestEntry /> : null}
    </header>
  );

  if (general.isError) return <p className="page form__error">Could not load the general chat.</p>;
  if (!general.data || !session.data) {
    return (
      <div className="page">
        {header}
        <p className="muted">Loading…</p>
      </div>
    );
  }
  return (
    <ConversationView
      key={`${general.data.id}-${session.data.kind}`}
      conversationId={general.data.id}
      label="Messages in #general"
      me={senderOf(session.data)}
      placeholder="Message #general"
      disabledReason={
        session.data.kind === 'visitor'
          ? 'Log in, sign up or continue as a guest to post.'
          : undefined
      }
      header={header}
    />
  );
}
