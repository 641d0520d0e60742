import { useState } from 'react';
import { NavLink, useNavigate } from 'react-router';
import type { Session } from '../../features/auth';
import { RoomsNav, useGeneralMentions } from '../../features/rooms';
import { NewGroupDialog, ThreadList } from '../../features/threads';
import { UserDirectory } from '../../features/users';
import { userIdOf } from '../session-identity';

export function Sidebar({ session }: { session: Session | undefined }) {
  const myUserId = userIdOf(session);
  const generalMentions = useGeneralMentions();
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
          <NavLink to="/" end className="sidebar__item">
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
          </NavLink>
        </section>
        <RoomsNav signedIn={myUserId !== undefined} />
        {myUserId ? <ThreadList myUserId={myUserId} actions={groupButton('New group')} /> : null}
      </nav>
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
