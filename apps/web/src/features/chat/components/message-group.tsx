import { Avatar } from '../../../components/avatar';
import type { Group, Row } from '../logic/grouping';
import { systemLineText } from '../logic/system-line';
import { useMessageActions } from './message-actions';
import { MessageBody } from './message-body';
import { MessageRow } from './message-row';
import { ReplyQuote } from './reply-quote';

const BOT_TIP =
  'Posted automatically by the demo bot on this person’s behalf, to keep the lobby lively.';

export function MessageGroup({
  group,
  onRetry,
  firstUnreadId,
}: {
  group: Group;
  onRetry: (clientMsgId: string) => void;
  firstUnreadId?: string;
}) {
  const actions = useMessageActions();
  if (group.system) {
    return (
      <>
        {group.rows.map((row) => (
          <li key={row.key} className="message message--system">
            {/* Plain text on purpose: no links in a line that looks like it comes from us. */}
            <p className="message__body">{systemLineText(row.message)}</p>
            <Time iso={row.message.createdAt} />
          </li>
        ))}
      </>
    );
  }
  const { sender } = group;
  return (
    <>
      {group.rows.map((row, index) => {
        const header =
          index === 0 ? (
            <div className="message__header">
              <Avatar name={sender.name} color={sender.avatarColor} />
              <span
                className="message__sender"
                title={
                  sender.username
                    ? `${sender.name} (@${sender.username})`
                    : `${sender.name} (guest)`
                }
              >
                {sender.name}
              </span>
              {/* Display names are free to copy; the handle is not. */}
              {sender.username ? (
                <span className="muted message__handle">@{sender.username}</span>
              ) : null}
              {sender.kind === 'guest' ? <span className="badge">guest</span> : null}
              {group.viaBot ? (
                // Not a tab stop: the tip is its title (its description), shown on hover.
                <span className="badge badge--bot" title={BOT_TIP} data-tooltip={BOT_TIP}>
                  simulated
                </span>
              ) : null}
              <Time iso={row.message.createdAt} />
            </div>
          ) : null;
        const className = `message${index === 0 ? ' message--first' : ''}`;
        const time = index > 0 ? <Time iso={row.message.createdAt} subtle /> : null;
        if (row.type === 'stored') {
          return (
            <MessageRow
              key={row.key}
              message={row.message}
              className={className}
              header={header}
              time={time}
              isNewStart={row.message.id === firstUnreadId}
            />
          );
        }
        return (
          <li key={row.key} className={className} tabIndex={-1}>
            {row.message.replyTo ? <ReplyQuote replyTo={row.message.replyTo} /> : null}
            {header}
            <div className="message__content">
              <MessageBody body={row.message.body} myUsername={actions?.myUsername} />
              {time}
              <DeliveryState row={row} onRetry={onRetry} />
            </div>
          </li>
        );
      })}
    </>
  );
}

function DeliveryState({ row, onRetry }: { row: Row; onRetry: (clientMsgId: string) => void }) {
  if (row.type !== 'local') return null;
  const { message } = row;
  if (message.status === 'pending') {
    return <span className="message__status">Sending…</span>;
  }
  return (
    <span className="message__status message__status--failed">
      Not sent{message.error ? `: ${message.error}` : ''}.{' '}
      <button type="button" className="button--link" onClick={() => onRetry(message.clientMsgId)}>
        Retry
      </button>
    </span>
  );
}

function Time({ iso, subtle }: { iso: string; subtle?: boolean }) {
  const date = new Date(iso);
  return (
    <time
      className={`message__time${subtle ? ' message__time--subtle' : ''}`}
      dateTime={iso}
      title={date.toLocaleString()}
    >
      {date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}
    </time>
  );
}
