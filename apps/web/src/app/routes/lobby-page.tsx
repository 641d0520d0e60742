import { GuestEntry, useSession } from '../../features/auth';
import { ConversationView, type FindMentionables } from '../../features/chat';
import { MuteToggle } from '../../features/notifications';
import { GeneralHeader, useGeneral, useGeneralRead } from '../../features/rooms';
import { listUsers } from '../../features/users';
import { senderOf, userIdOf } from '../session-identity';

const MENTION_SUGGESTIONS = 8;

/** Everyone can read general, so `@` searches the whole user directory. */
const findInDirectory: FindMentionables = async (query) => {
  const page = await listUsers({ q: query || undefined, limit: MENTION_SUGGESTIONS });
  return page.items.map(({ id, username, displayName }) => ({ id, username, displayName }));
};

/** General chat for everyone; visitors read and may enter as guests. */
export function LobbyPage() {
  const session = useSession();
  const general = useGeneral();
  const onRead = useGeneralRead();

  const header = (
    <GeneralHeader topic={general.data?.topic}>
      {session.data?.kind === 'visitor' ? <GuestEntry /> : null}
      <MuteToggle userId={userIdOf(session.data)} conversationId={general.data?.id} />
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
      findMentionables={findInDirectory}
      onRead={session.data.kind === 'user' ? onRead : undefined}
    />
  );
}
