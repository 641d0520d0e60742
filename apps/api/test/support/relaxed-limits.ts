/**
 * Limits raised for test servers: suites sign up many users from one address and open many
 * sockets. The tests of a limit set it back to the contract's value. The "joined" line keeps
 * its real limit, since tests assert when it appears.
 */
export const RELAXED_LIMITS = {
  RATE_LIMIT_AUTH_PER_MIN: '10000',
  RATE_LIMIT_ROOM_CREATES_PER_HOUR: '10000',
  RATE_LIMIT_ROOM_JOINS_PER_MIN: '10000',
  RATE_LIMIT_PROFILE_EDITS_PER_MIN: '10000',
  RATE_LIMIT_CONVERSATION_JOINS_PER_10S: '10000',
  RATE_LIMIT_TYPING_PER_SEC: '10000',
  RATE_LIMIT_REACTIONS_PER_10S: '10000',
  RATE_LIMIT_MESSAGE_CHANGES_PER_MIN: '10000',
  RATE_LIMIT_MODERATION_PER_MIN: '10000',
  RATE_LIMIT_GROUP_CREATES_PER_HOUR: '10000',
  LIMIT_SOCKETS_PER_ADDRESS: '10000',
  LIMIT_SOCKETS_PER_USER: '10000',
} as const;
