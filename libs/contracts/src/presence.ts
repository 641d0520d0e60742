import { z } from 'zod';
import { idSchema } from './ids.js';
import { LIMITS } from './limits.js';
import type { PresenceUser } from './socket.js';

// Contract v2, "presence at scale": presence is watched, not broadcast, and coalesced.

/** `presence:watch`: the users this socket shows; it replaces the socket's previous set. */
export const presenceWatchPayloadSchema = z.object({
  userIds: z.array(idSchema).max(LIMITS.presenceWatchMax),
});
export type PresenceWatchPayload = z.infer<typeof presenceWatchPayloadSchema>;

/** The answer to `presence:watch`: which of the watched users are online now. */
export type PresenceWatchResult = { online: string[] };

/** Watched users whose presence changed since the socket's last frame (at most one a second). */
export type UserPresenceChanged = { online: string[]; offline: string[] };

/** Who arrived in and left a conversation since the last frame (at most one a second). */
export type ConversationPresenceChanged = {
  conversationId: string;
  /** At most `LIMITS.presenceListedMax` of those who arrived. */
  joined: PresenceUser[];
  left: string[];
  /** How many are present after this frame (exact, whatever the lists hold). */
  count: number;
};

/** `presence:changed` carries one of the two; a conversation's has `conversationId`. */
export type PresenceChangedPayload = UserPresenceChanged | ConversationPresenceChanged;

export function isConversationPresence(
  payload: PresenceChangedPayload,
): payload is ConversationPresenceChanged {
  return 'conversationId' in payload;
}

/**
 * `server:reconnect`: this process is shutting down; connect again (the load balancer picks
 * another process). Sent to each socket at its own moment, spread over a few seconds.
 */
export type ServerReconnectPayload = { reason: 'shutdown' };
