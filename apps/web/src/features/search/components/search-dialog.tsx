import type { SearchHit } from '@chat/contracts';
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { Modal } from '../../../components/modal';
import { isApiError } from '../../../lib/api-client';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useSearchMessages } from '../api/search-messages';
import { conversationLabel, groupHits, hitPath, shownOrder } from '../logic/group-hits';
import { HighlightedText } from './highlighted-text';
import './search.css';

const TYPING_PAUSE_MS = 250;
const QUERY_MAX = 200;

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The search box: a combobox over a listbox of hits grouped by conversation. Arrow keys move
 * through the hits, Enter (or a click) opens the conversation at the message.
 */
export function SearchDialog({ onClose }: { onClose: () => void }) {
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), TYPING_PAUSE_MS);
  const search = useSearchMessages(q);
  const hits = useMemo(() => search.data?.pages.flatMap((page) => page.items) ?? [], [search.data]);
  const groups = useMemo(() => groupHits(hits), [hits]);
  const order = useMemo(() => shownOrder(groups), [groups]);
  const [active, setActive] = useState(0);
  const navigate = useNavigate();
  const ids = useId();
  const optionId = (hit: SearchHit) => `${ids}-hit-${hit.message.id}`;
  const activeHit = order[Math.min(active, order.length - 1)];

  const open = (hit: SearchHit | undefined) => {
    const path = hit ? hitPath(hit) : null;
    if (!path) return;
    onClose();
    void navigate(path);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (order.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = (Math.min(active, order.length - 1) + step + order.length) % order.length;
      setActive(next);
      document.getElementById(optionId(order[next]!))?.scrollIntoView?.({ block: 'nearest' });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(activeHit);
    }
  };

  return (
    <Modal title="Search messages" onClose={onClose}>
      <div className="search">
        <label htmlFor={`${ids}-input`} className="visually-hidden">
          Search messages
        </label>
        <input
          id={`${ids}-input`}
          className="search__input"
          type="search"
          role="combobox"
          aria-expanded={order.length > 0}
          aria-controls={`${ids}-results`}
          aria-activedescendant={activeHit ? optionId(activeHit) : undefined}
          aria-autocomplete="list"
          autoComplete="off"
          placeholder="Words to find, “a phrase”, -without"
          maxLength={QUERY_MAX}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <p className="search__status muted" role="status">
          {statusText(q, search, hits.length)}
        </p>
        <div
          id={`${ids}-results`}
          className="search__results"
          role="listbox"
          aria-label="Matching messages"
        >
          {groups.map((group) => (
            <div
              key={group.conversation.id}
              role="group"
              aria-labelledby={`${ids}-group-${group.conversation.id}`}
              className="search__group"
            >
              <div
                id={`${ids}-group-${group.conversation.id}`}
                className="search__group-title"
                role="presentation"
              >
                {conversationLabel(group.conversation)}
              </div>
              {group.hits.map((hit) => {
                const path = hitPath(hit);
                return (
                  <div
                    key={hit.message.id}
                    id={optionId(hit)}
                    role="option"
                    aria-selected={hit === activeHit}
                    aria-disabled={path === null || undefined}
                    className={`search__hit${hit === activeHit ? ' search__hit--active' : ''}`}
                    onMouseMove={() => setActive(order.indexOf(hit))}
                    onClick={() => open(hit)}
                  >
                    <span className="search__meta">
                      <span className="search__sender">{hit.message.sender.name}</span>{' '}
                      <time dateTime={hit.message.createdAt}>
                        {timeFormat.format(new Date(hit.message.createdAt))}
                      </time>
                    </span>
                    <HighlightedText
                      className="search__body"
                      body={hit.message.body}
                      ranges={hit.highlights}
                    />
                  </div>
                );
              })}
            </div>
          ))}
        </div>
        {search.hasNextPage ? (
          <button
            type="button"
            className="button--small search__more"
            disabled={search.isFetchingNextPage}
            onClick={() => void search.fetchNextPage()}
          >
            {search.isFetchingNextPage ? 'Loading…' : 'More results'}
          </button>
        ) : null}
      </div>
    </Modal>
  );
}

function statusText(
  q: string,
  search: ReturnType<typeof useSearchMessages>,
  count: number,
): string {
  if (q.length === 0) return 'Type a word to search the conversations you can read.';
  if (search.isError) {
    if (isApiError(search.error, 'VALIDATION')) return 'Type at least one word.';
    if (isApiError(search.error, 'RATE_LIMITED')) return 'Too many searches; wait a moment.';
    return 'Could not search right now.';
  }
  if (search.isPending) return 'Searching…';
  if (count === 0) return 'No messages found.';
  const more = search.hasNextPage ? ' or more' : '';
  return `${count}${more} ${count === 1 && !more ? 'message' : 'messages'} found. Arrow keys choose, Enter opens.`;
}
