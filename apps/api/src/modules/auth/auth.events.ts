/**
 * Emitted when a sign-in (a refresh-token family) ends: sign-out, or a reused refresh token
 * revoking the family. Realtime disconnects every socket opened under it, on every process.
 */
export const SESSION_ENDED = 'auth.session-ended';
export type SessionEndedEvent = { sessionId: string };
