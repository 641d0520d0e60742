import { useState } from 'react';
import { NavLink, useNavigate } from 'react-router';
import type { Session } from '../../features/auth';
import { NotificationSettings } from '../../features/notifications';
import { RoomsNav, useGeneral, useGeneralMentions } from '../../features/rooms';
import { NewGroupDialog, ThreadList } from '../../features/threads';
import { UserDirectory } from '../../features/users';
import { useMutedConversations } from '../../lib/conversation-mute';
import { userIdOf } from '../session-identity';

export function Sidebar({ session }: { session: Session | undefined }) {
  const myUserId = userIdOf(session);
  const generalMentions = useGeneralMentions();
  const general = useGeneral();
  const generalMuted = useMutedConversations(myUserId).includes(general.data?.id ?? '');
  const navigate = useNavigate();
  const [newGroup, setNewGroup] = useState(false);
  const groupButton = (label: string) =>
    myUserId ? (
      <button
        type="button"
        className="sidebar__heading-link button--link"
        onClick={() => setNewGroup(true)}
      >
        {label}
      </button>
    ) : null;
  return (
    <div className="sidebar__content">
      <nav aria-label="Conversations" className="sidebar__nav">
        <section className="sidebar__section">
          <NavLink
            to="/"
            end
            className={`sidebar__item${generalMuted ? ' sidebar__item--muted' : ''}`}
          >
            <span className="sidebar__hash" aria-hidden="true">
              #
            </span>
            <span className="sidebar__item-title">general</span>
            {generalMentions > 0 ? (
              <span className="badge badge--count badge--mention">
                <span aria-hidden="true">@{generalMentions}</span>
                <span className="visually-hidden">
                  , {generalMentions} new {generalMentions === 1 ? 'mention' : 'mentions'}
                </span>
              </span>
            ) : null}
            {generalMuted ? <span className="visually-hidden">, muted</span> : null}
          </NavLink>
        </section>
        <RoomsNav signedIn={myUserId !== undefined} myUserId={myUserId} />
        {myUserId ? <ThreadList myUserId={myUserId} actions={groupButton('New group')} /> : null}
      </nav>
      {myUserId ? <NotificationSettings userId={myUserId} /> : null}
      <UserDirectory myUserId={myUserId} actions={groupButton('Start a group')} />
      {newGroup && myUserId ? (
        <NewGroupDialog
          myUserId={myUserId}
          onClose={() => setNewGroup(false)}
          onCreated={(group) => {
            setNewGroup(false);
            void navigate(`/g/${group.id}`);
          }}
        />
      ) : null}
    </div>
  );
}
