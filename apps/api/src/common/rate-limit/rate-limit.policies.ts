import type { AppConfig } from '../../config/app-config.js';

/** One limit: `points` calls per `durationMs`, counted per the key named in `per`. */
export interface RatePolicy {
  points: number;
  durationMs: number;
  /** What the key is (documentation, and docs/security.md repeats it). */
  per: string;
  /** Told to the caller with RATE_LIMITED. */
  message: string;
}

/**
 * Every rate limit of the API, in one table (the contract's "Limits v2"). Each is configurable
 * so tests and the benchmark can raise it; with REDIS_URL set each is counted in Redis, so it
 * holds across processes. Socket counts are not rates: see SocketQuota.
 */
export function ratePolicies(config: AppConfig) {
  return {
    auth: {
      points: config.RATE_LIMIT_AUTH_PER_MIN,
      durationMs: 60_000,
      per: 'client address (sign-up, sign-in, guest)',
      message: 'Too many attempts; wait a minute and try again',
    },
    userSend: {
      points: config.RATE_LIMIT_USER_SENDS_PER_10S,
      durationMs: 10_000,
      per: 'user, across all their sockets and processes',
      message: 'You are sending too fast; wait a moment',
    },
    guestSend: {
      points: config.RATE_LIMIT_GUEST_SENDS_PER_10S,
      durationMs: 10_000,
      per: 'guest id, across all their sockets and processes',
      message: 'You are sending too fast; wait a moment',
    },
    roomCreate: {
      points: config.RATE_LIMIT_ROOM_CREATES_PER_HOUR,
      durationMs: 3_600_000,
      per: 'user',
      message: 'You have created many rooms recently; try again later',
    },
    roomMembership: {
      points: config.RATE_LIMIT_ROOM_JOINS_PER_MIN,
      durationMs: 60_000,
      per: 'user (joins and leaves together)',
      message: 'Too many joins and leaves; wait a moment',
    },
    joinedLine: {
      points: config.RATE_LIMIT_JOINED_LINES_PER_HOUR,
      durationMs: 3_600_000,
      per: 'user and room; past it the join simply posts no line',
      message: 'No "joined" line this time',
    },
    profileEdit: {
      points: config.RATE_LIMIT_PROFILE_EDITS_PER_MIN,
      durationMs: 60_000,
      per: 'user',
      message: 'Too many profile edits; wait a minute',
    },
    conversationJoin: {
      points: config.RATE_LIMIT_CONVERSATION_JOINS_PER_10S,
      durationMs: 10_000,
      per: 'socket (conversation:join)',
      message: 'Too many joins on this connection; wait a moment',
    },
    typing: {
      points: config.RATE_LIMIT_TYPING_PER_SEC,
      durationMs: 1000,
      per: 'socket and conversation; extra typing events are dropped, not refused',
      message: 'Typing too often',
    },
    presenceWatch: {
      points: config.RATE_LIMIT_PRESENCE_WATCHES_PER_10S,
      durationMs: 10_000,
      per: 'socket (presence:watch)',
      message: 'Too many presence:watch calls on this connection; wait a moment',
    },
    reaction: {
      points: config.RATE_LIMIT_REACTIONS_PER_10S,
      durationMs: 10_000,
      per: 'user or guest (reactions added and removed)',
      message: 'You are reacting too fast; wait a moment',
    },
    messageChange: {
      points: config.RATE_LIMIT_MESSAGE_CHANGES_PER_MIN,
      durationMs: 60_000,
      per: 'user or guest (edits and deletes together)',
      message: 'Too many edits and deletes; wait a minute',
    },
    gameStart: {
      points: config.RATE_LIMIT_GAME_STARTS_PER_MIN,
      durationMs: 60_000,
      per: 'user or guest (tic-tac-toe games started)',
      message: 'You have started many games; wait a minute',
    },
    gameMove: {
      points: config.RATE_LIMIT_GAME_MOVES_PER_MIN,
      durationMs: 60_000,
      per: "user or guest (their own moves; the AI's are not counted)",
      message: 'You are moving too fast; wait a moment',
    },
    moderation: {
      points: config.RATE_LIMIT_MODERATION_PER_MIN,
      durationMs: 60_000,
      per: 'user (pins, roles, kicks, bans, room edits and archiving together)',
      message: 'Too many moderation actions; wait a minute',
    },
    groupCreate: {
      points: config.RATE_LIMIT_GROUP_CREATES_PER_HOUR,
      durationMs: 3_600_000,
      per: 'user',
      message: 'You have created many groups recently; try again later',
    },
    search: {
      points: config.RATE_LIMIT_SEARCH_PER_MIN,
      durationMs: 60_000,
      per: 'user (GET /api/search)',
      message: 'Too many searches; wait a moment',
    },
    upload: {
      points: config.RATE_LIMIT_UPLOADS_PER_HOUR,
      durationMs: 3_600_000,
      per: 'user (uploads)',
      message: 'You have uploaded many files recently; try again later',
    },
    uploadBytes: {
      points: config.UPLOAD_BYTES_PER_DAY,
      durationMs: 86_400_000,
      per: 'user (bytes uploaded; one point per byte)',
      message: 'You have uploaded a lot today; try again tomorrow',
    },
  } satisfies Record<string, RatePolicy>;
}

export type RatePolicyName = keyof ReturnType<typeof ratePolicies>;
