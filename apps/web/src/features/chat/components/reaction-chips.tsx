import type { Message } from '@chat/contracts';
import { useMessageActions } from './message-actions';

/** One chip per emoji with its count; ours is pressed, and a click toggles it. */
export function ReactionChips({ message }: { message: Message }) {
  const actions = useMessageActions();
  if (message.reactions.length === 0) return null;
  return (
    <ul className="reactions" aria-label="Reactions">
      {message.reactions.map((reaction) => {
        const mine = actions !== null && reaction.userIds.includes(actions.myId);
        const label = `${reaction.emoji} ${reaction.count}${mine ? ', you reacted' : ''}`;
        return (
          <li key={reaction.emoji}>
            <button
              type="button"
              className={`reaction${mine ? ' reaction--mine' : ''}`}
              aria-pressed={mine}
              aria-label={label}
              title={mine ? `You reacted with ${reaction.emoji}` : `React with ${reaction.emoji}`}
              disabled={!actions}
              onClick={() => void actions?.react(message, reaction.emoji, !mine)}
            >
              <span aria-hidden="true">{reaction.emoji}</span>
              <span className="reaction__count" aria-hidden="true">
                {reaction.count}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
