import type { MemberRole, RoomDetails, RoomMember } from '@chat/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { MenuButton, type MenuItem } from '../../../components/menu-button';
import { useWatchPresence } from '../../../lib/presence-watch';
import { OnlineDot } from '../../users';
import { kickMember, setBanned, setMemberRole, useBans, useModeration } from '../api/rooms';
import { ACTION_LABELS, canModerate, memberActions, type MemberAction } from '../logic/moderation';

const ROLE_NAMES: Record<MemberRole, string> = {
  owner: 'owner',
  moderator: 'moderator',
  member: '',
};

/**
 * The room's members with their roles, and for those allowed a menu per member (roles are the
 * owner's; moderators kick and ban members), then the ban list with "Unban" for moderators.
 */
export function MemberList({ room, myUserId }: { room: RoomDetails; myUserId?: string }) {
  useWatchPresence(room.members.map((member) => member.user.id));
  const slug = room.slug ?? '';
  const [status, setStatus] = useState<string | null>(null);
  const act = useModeration(
    async ({ action, member }: { action: MemberAction; member: RoomMember }) => {
      const id = member.user.id;
      if (action === 'promote') await setMemberRole(slug, id, 'moderator');
      else if (action === 'demote') await setMemberRole(slug, id, 'member');
      else if (action === 'make-owner') await setMemberRole(slug, id, 'owner');
      else if (action === 'kick') await kickMember(slug, id);
      else await setBanned(slug, id, true);
      return { action, member };
    },
  );
  const run = (action: MemberAction, member: RoomMember) => {
    setStatus(null);
    act.mutate(
      { action, member },
      {
        onSuccess: () => setStatus(`${ACTION_LABELS[action]}: ${member.user.displayName}, done`),
        onError: (error) => setStatus(error instanceof Error ? error.message : 'That did not work'),
      },
    );
  };
  if (room.members.length === 0) return null;
  return (
    <section aria-labelledby="members-heading" className="member-list">
      <h2 id="members-heading">Members</h2>
      {status ? (
        <p className="muted" role="status">
          {status}
        </p>
      ) : null}
      <ul className="plain-list" aria-label="Members">
        {room.members.map((member) => {
          const items: MenuItem[] = memberActions(
            room.myRole,
            member.role,
            member.user.id === myUserId,
          ).map((action) => ({
            label: ACTION_LABELS[action],
            danger: action === 'kick' || action === 'ban',
            onSelect: () => run(action, member),
          }));
          return (
            <li key={member.user.id} className="member-list__item">
              <Link to={`/u/${member.user.username}`}>{member.user.displayName}</Link>
              {member.role !== 'member' ? (
                <span className="muted"> ({ROLE_NAMES[member.role]})</span>
              ) : null}{' '}
              <OnlineDot online={member.user.online} />
              <MenuButton label={`Actions for ${member.user.displayName}`} items={items} />
            </li>
          );
        })}
      </ul>
      {canModerate(room.myRole) ? <BanList slug={slug} /> : null}
    </section>
  );
}

function BanList({ slug }: { slug: string }) {
  const bans = useBans(slug, true);
  const unban = useModeration((userId: string) => setBanned(slug, userId, false));
  const items = bans.data?.items ?? [];
  return (
    <section aria-labelledby="bans-heading">
      <h3 id="bans-heading">Banned</h3>
      {bans.isError ? <p className="form__error">Could not load the bans.</p> : null}
      {bans.isSuccess && items.length === 0 ? <p className="muted">Nobody is banned.</p> : null}
      <ul className="plain-list" aria-label="Banned users">
        {items.map((ban) => (
          <li key={ban.user.id}>
            {ban.user.displayName}{' '}
            <button
              type="button"
              className="button--small"
              onClick={() => unban.mutate(ban.user.id)}
              disabled={unban.isPending}
            >
              Unban {ban.user.displayName}
            </button>
          </li>
        ))}
      </ul>
      {unban.isError ? (
        <p className="form__error" role="alert">
          {unban.error instanceof Error ? unban.error.message : 'Could not lift the ban'}
        </p>
      ) : null}
    </section>
  );
}
