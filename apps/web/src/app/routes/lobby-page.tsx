import { GuestEntry, useSession } from '../../features/auth';
import { ConversationView } from '../../features/chat';
import { GeneralHeader, useGeneral } from '../../features/rooms';
import { senderOf } from '../session-identity';

/** General chat for everyone; visitors read and may enter as guests. */
export function LobbyPage() {
  const session = useSession();
  const general = useGeneral();

  const header = (
    <GeneralHeader topic={general.data?.topic}>
      {session.data?.kind === 'visitor' ? <GuestEntry /> : null}
    </GeneralHeader>
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
