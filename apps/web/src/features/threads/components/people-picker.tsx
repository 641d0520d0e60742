import type { PublicUser } from '@chat/contracts';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { SearchField } from '../../../components/search-field';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { listUsers } from '../../users';

const RESULTS = 20;

/**
 * Search the directory and tick people: the picked ones show above the results, each with a
 * button to take them out again. `exclude` (me, members already in) is never offered.
 */
export function PeoplePicker({
  picked,
  onChange,
  exclude,
}: {
  picked: readonly PublicUser[];
  onChange: (picked: PublicUser[]) => void;
  exclude: readonly string[];
}) {
  const searchId = useId();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 250);
  const results = useQuery({
    queryKey: ['users', 'picker', q],
    queryFn: () => listUsers({ q: q || undefined, limit: RESULTS }),
  });
  const pickedIds = new Set(picked.map((user) => user.id));
  const offered = (results.data?.items ?? []).filter((user) => !exclude.includes(user.id));
  const toggle = (user: PublicUser, on: boolean) =>
    onChange(on ? [...picked, user] : picked.filter((p) => p.id !== user.id));

  return (
    <div className="people-picker">
      {picked.length > 0 ? (
        <ul className="people-picker__picked plain-list" aria-label="Picked people">
          {picked.map((user) => (
            <li key={user.id} className="chip">
              {user.displayName}
              <button
                type="button"
                className="chip__remove"
                aria-label={`Remove ${user.displayName}`}
                onClick={() => toggle(user, false)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <SearchField id={searchId} label="Search people to add" value={search} onChange={setSearch} />
      {results.isError ? <p className="form__error">Could not search people.</p> : null}
      {results.isSuccess && offered.length === 0 ? (
        <p className="muted">{q ? `Nobody matches “${q}”.` : 'Nobody to add.'}</p>
      ) : null}
      <fieldset className="people-picker__results">
        <legend className="visually-hidden">People</legend>
        {offered.map((user) => (
          <label key={user.id} className="people-picker__person">
            <input
              type="checkbox"
              checked={pickedIds.has(user.id)}
              onChange={(event) => toggle(user, event.target.checked)}
            />
            {user.displayName} <span className="muted">@{user.username}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
