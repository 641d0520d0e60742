import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { dayLabel, groupByDayAndSender } from '../logic/grouping';
import type { MessageList as List } from '../logic/message-list';
import { MessageGroup } from './message-group';

const NEAR_BOTTOM_PX = 48;
const NEAR_TOP_PX = 80;

type MessageListProps = {
  list: List;
  label: string;
  myId: string | undefined;
  notice: string | null;
  loadingOlder: boolean;
  onLoadOlder: () => void;
  onRetry: (clientMsgId: string) => void;
  /** The first message unread when the view opened: marked with a "New" line. */
  firstUnreadId?: string;
  /** Offered while messages were unread at open: scrolls (loading history) to the first. */
  onJumpToFirstUnread?: () => void;
};

/**
 * The conversation as a `role="log"`. It follows new messages while the reader is at the
 * bottom; a reader who scrolled up keeps their place and gets a "new messages" pill instead.
 * Scrolling near the top loads older history without moving what is on screen.
 */
export function MessageList({
  list,
  label,
  myId,
  notice,
  loadingOlder,
  onLoadOlder,
  onRetry,
  firstUnreadId,
  onJumpToFirstUnread,
}: MessageListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const previous = useRef({ firstKey: '', lastKey: '', scrollHeight: 0, scrollTop: 0 });
  const [showPill, setShowPill] = useState(false);

  const days = groupByDayAndSender(list);
  const firstKey = list.messages[0]?.id ?? '';
  const lastLocal = list.local.at(-1);
  const lastKey = lastLocal ? `l${lastLocal.clientMsgId}` : `m${list.messages.at(-1)?.id ?? ''}`;
  const lastIsMine = lastLocal !== undefined || list.messages.at(-1)?.sender.id === myId;

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const before = previous.current;
    if (before.firstKey && firstKey !== before.firstKey && lastKey === before.lastKey) {
      // Older history went in above: keep the same messages under the reader's eyes.
      element.scrollTop = before.scrollTop + (element.scrollHeight - before.scrollHeight);
    } else if (lastKey !== before.lastKey) {
      if (atBottom.current || lastIsMine || !before.lastKey) {
        element.scrollTop = element.scrollHeight;
        atBottom.current = true;
      } else {
        setShowPill(true);
      }
    }
    previous.current = {
      firstKey,
      lastKey,
      scrollHeight: element.scrollHeight,
      scrollTop: element.scrollTop,
    };
  }, [firstKey, lastKey, lastIsMine, list]);

  const onScroll = () => {
    const element = scroller.current;
    if (!element) return;
    atBottom.current =
      element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_BOTTOM_PX;
    previous.current = {
      ...previous.current,
      scrollHeight: element.scrollHeight,
      scrollTop: element.scrollTop,
    };
    if (atBottom.current) setShowPill(false);
    if (element.scrollTop < NEAR_TOP_PX && list.hasMoreBefore && !loadingOlder) onLoadOlder();
  };

  const jumpToNewest = () => {
    const element = scroller.current;
    if (element) element.scrollTop = element.scrollHeight;
    atBottom.current = true;
    setShowPill(false);
  };

  const empty = list.messages.length === 0 && list.local.length === 0;
  return (
    <div className="message-list">
      <div
        ref={scroller}
        className="message-list__scroller"
        onScroll={onScroll}
        onKeyDown={moveBetweenMessages}
        tabIndex={0}
        aria-label={`${label}, scrollable`}
      >
        {list.hasMoreBefore ? (
          <div className="message-list__older">
            <button
              type="button"
              className="button--small"
              onClick={onLoadOlder}
              disabled={loadingOlder}
            >
              {loadingOlder ? 'Loading older messages…' : 'Load older messages'}
            </button>
          </div>
        ) : (
          <p className="message-list__start muted">This is the beginning of the conversation.</p>
        )}
        {notice ? (
          <p className="message-list__notice" role="status">
            {notice}
          </p>
        ) : null}
        <div role="log" aria-live="polite" aria-label={label} className="message-list__log">
          {empty ? <p className="muted message-list__empty">No messages yet. Say hello!</p> : null}
          {days.map((day) => (
            <div key={day.key}>
              <h3 className="message-list__day">
                <span>{dayLabel(day.date)}</span>
              </h3>
              <ol className="message-list__items">
                {day.groups.map((group) => (
                  <MessageGroup
                    key={group.key}
                    group={group}
                    onRetry={onRetry}
                    firstUnreadId={firstUnreadId}
                  />
                ))}
              </ol>
            </div>
          ))}
        </div>
      </div>
      {onJumpToFirstUnread ? (
        <button
          type="button"
          className="message-list__unread-jump button--small"
          onClick={onJumpToFirstUnread}
        >
          Jump to first unread ↑
        </button>
      ) : null}
      {showPill ? (
        <button type="button" className="message-list__pill button--primary" onClick={jumpToNewest}>
          New messages ↓
        </button>
      ) : null}
    </div>
  );
}

/**
 * The list is one tab stop; inside it the arrow keys (and Home, End) move between messages, as
 * in Slack or Element. The first ArrowUp from the list itself goes to the newest message.
 */
function moveBetweenMessages(event: KeyboardEvent<HTMLElement>) {
  const keys = ['ArrowUp', 'ArrowDown', 'Home', 'End'];
  if (!keys.includes(event.key)) return;
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>('li.message')];
  if (items.length === 0) return;
  const current = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>(
    'li.message',
  );
  const at = current ? items.indexOf(current) : items.length;
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? items.length - 1
        : event.key === 'ArrowUp'
          ? Math.max(0, at - 1)
          : Math.min(items.length - 1, at + 1);
  event.preventDefault();
  items[next]?.focus();
}
