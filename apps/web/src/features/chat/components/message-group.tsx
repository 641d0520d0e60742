import { Avatar } from '../../../components/avatar';
import { GameMessage } from '../../games';
import type { Group, Row } from '../logic/grouping';
import { systemLineText } from '../logic/system-line';
import { MessageBody } from './message-body';

const BOT_TIP =
  'Posted automatically by the demo bot on this person’s behalf, to keep the lobby lively.';

export function MessageGroup({
  group,
  onRetry,
}: {
  group: Group;
  onRetry: (clientMsgId: string) => void;
}) {
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
      {group.rows.map((row, index) => (
        <li
          key={row.key}
          className={`message${index === 0 ? ' message--first' : ''}`}
          tabIndex={-1}
        >
          {index === 0 ? (
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
          ) : null}
          <div className="message__content">
            {row.type !== 'local' && row.message.game ? (
              <GameMessage message={row.message} />
            ) : (
              <MessageBody body={row.message.body} />
            )}
            {index > 0 ? <Time iso={row.message.createdAt} subtle /> : null}
            <DeliveryState row={row} onRetry={onRetry} />
          </div>
        </li>
      ))}
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
