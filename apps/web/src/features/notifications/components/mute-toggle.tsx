import { setMuted, useMutedConversations } from '../../../lib/conversation-mute';
import './notifications.css';

/** A header's "Mute" switch: a muted conversation shows no notification and plays no sound. */
export function MuteToggle({
  userId,
  conversationId,
}: {
  userId: string | undefined;
  conversationId: string | undefined;
}) {
  const muted = useMutedConversations(userId);
  if (!userId || !conversationId) return null;
  const on = muted.includes(conversationId);
  return (
    <button
      type="button"
      className="button--small mute-toggle"
      aria-pressed={on}
      title={on ? 'No notifications or sound from here' : undefined}
      onClick={() => setMuted(userId, conversationId, !on)}
    >
      {/* The name stays "Mute"; aria-pressed (and the look) says whether it is on. */}
      Mute
    </button>
  );
}
