import { NavLink } from 'react-router';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Avatar } from '../../../components/avatar';
import { useDirectory } from '../api/list-users';
import { useWatchPresence } from '../../../lib/presence-watch';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useVisibleIds } from '../../../lib/use-visible-ids';
import { directoryOrder, presenceOf } from '../logic/directory-order';
import { OnlineDot } from './online-dot';
import { SearchField } from '../../../components/search-field';

/** "Active" lasts a few minutes after a post: the clock the order is read against. */
const CLOCK_TICK_MS = 30_000;

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** Everyone, online first (live), then demo users posting, with search; a click opens the private thread. */
export function UserDirectory({ myUserId, actions }: { myUserId?: string; actions?: ReactNode }) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 250);
  const directory = useDirectory(q);
  const now = useNow();
  const users = directoryOrder(directory.data?.pages.flatMap((page) => page.items) ?? [], now);
  // Presence is watched for the rows on screen only, and follows scrolling and searching.
  const list = useRef<HTMLUListElement>(null);
  useWatchPresence(
    useVisibleIds(
      list,
      users.map((user) => user.id),
    ),
  );

  return (
    <section className="directory" aria-labelledby="directory-heading">
      <h2 id="directory-heading" className="sidebar__heading">
        People
        {actions}
      </h2>
      <SearchField
        id="directory-search"
        label="Search people"
        value={search}
        onChange={setSearch}
      />
      {directory.isError ? <p className="field__error">Could not load people.</p> : null}
      {directory.isSuccess && users.length === 0 ? (
        <p className="muted">{q ? `Nobody matches “${q}”.` : 'Nobody here yet.'}</p>
      ) : null}
      <ul className="directory__list" aria-label="People" ref={list}>
        {users.map((user) => (
          <li key={user.id} data-id={user.id}>
            <NavLink to={`/u/${user.username}`} className="sidebar__item">
              <Avatar name={user.displayName} color={user.avatarColor} size="small" />
              <span className="sidebar__item-text">
                <span className="sidebar__item-title">
                  {user.displayName}
                  {user.id === myUserId ? <span className="muted"> (you)</span> : null}
                </span>
                <span className="sidebar__item-sub">@{user.username}</span>
              </span>
              <OnlineDot online={user.online} presence={presenceOf(user, now)} />
            </NavLink>
          </li>
        ))}
      </ul>
      {directory.hasNextPage ? (
        <button
          type="button"
          className="button--small"
          onClick={() => void directory.fetchNextPage()}
          disabled={directory.isFetchingNextPage}
        >
          Show more people
        </button>
      ) : null}
    </section>
  );
}
