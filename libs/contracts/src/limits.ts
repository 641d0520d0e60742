/** Limits of the public contract; the API enforces them and the web app shows them. */
export const LIMITS = {
  messageBodyMax: 4000,
  displayNameMax: 64,
  bioMax: 280,
  locationMax: 64,
  roomNameMin: 3,
  roomNameMax: 64,
  roomTopicMax: 280,
  usernameMin: 3,
  usernameMax: 32,
  passwordMin: 8,
  passwordMax: 128,
  guestNicknameMax: 32,
  socketPayloadBytes: 16 * 1024,
  historyPageDefault: 50,
  historyPageMax: 100,
  missedOnJoinMax: 200,
  /** A visitor (no token) catches up on fewer messages per join. */
  visitorMissedOnJoinMax: 50,
  roomPageDefault: 50,
  roomPageMax: 100,
  directoryPageDefault: 20,
  directoryPageMax: 100,
  userSendsPer10s: 20,
  guestSendsPer10s: 5,
  authRequestsPerMinute: 10,
  roomCreatesPerHour: 10,
  roomJoinsAndLeavesPerMinute: 30,
  joinedLinesPerRoomPerHour: 1,
  profileEditsPerMinute: 10,
  conversationJoinsPer10sPerSocket: 30,
  typingPerSecondPerConversation: 1,
  socketsPerAddress: 50,
  socketsPerUser: 20,
  /** Distinct emoji on one message; a new one past this is a CONFLICT. */
  reactionsPerMessageMax: 20,
  /** `Reaction.userIds` lists this many of those who reacted (`count` has them all). */
  reactionUserIdsShown: 50,
  /** UTF-16 units of one emoji grapheme (the longest ZWJ family sequences are ~25). */
  emojiMaxLength: 64,
  /** `replyTo.excerpt`: characters of the parent's body kept with the reply. */
  replyExcerptMax: 140,
  reactionsPer10s: 30,
  editsAndDeletesPerMinute: 30,
  /** `GET /api/conversations/:id/pins` answers at most this many, the newest pins first. */
  pinsListMax: 100,
  /** Pins and moderation actions (roles, kicks, bans, room edits, archive) per user per minute. */
  moderationActionsPerMinute: 30,
  /** Group conversations: people in one, the creator included. */
  groupMembersMin: 3,
  groupMembersMax: 50,
  groupCreatesPerHour: 10,
  /** GET /api/search: `q` is 1 to this many characters; pages of up to 50 hits. */
  searchQueryMax: 200,
  searchPageDefault: 20,
  searchPageMax: 50,
  searchesPerMinute: 30,
  /**
   * Users one socket may watch with `presence:watch`. The contract says 500, but 500 uuids
   * are ~19.5 KB of JSON, over the 16 KiB frame cap; 400 (~15.6 KB) is what fits.
   */
  presenceWatchMax: 400,
  /** Attachments one message may carry (`attachmentIds`). */
  attachmentsPerMessageMax: 10,
  /** Default size limit of one upload (`UPLOAD_MAX_BYTES` sets the server's). */
  uploadMaxBytesDefault: 10 * 1024 * 1024,
  uploadsPerHour: 20,
  uploadBytesPerDay: 200 * 1024 * 1024,
  /** Longest side of an image's thumbnail. */
  thumbnailMaxPx: 512,
  /** An attachment's file name keeps at most this many characters. */
  attachmentNameMax: 200,
  /** At most one `presence:changed` frame per socket (per conversation) per this interval. */
  presenceFrameIntervalMs: 1000,
  /**
   * People a conversation's presence lists at most (the join answer, and the `joined` of one
   * frame); the count beside them is always exact. 10,000 people in general would otherwise make
   * every join answer 10,000 entries long, and a reconnect storm of them N² entries in all.
   */
  presenceListedMax: 100,
} as const;

export const USERNAME_PATTERN = /^[a-z0-9_.-]{3,32}$/;

/** Palette of avatar colours; profiles may only use these. */
export const AVATAR_COLORS = [
  '#e11d48',
  '#db2777',
  '#c026d3',
  '#9333ea',
  '#4f46e5',
  '#2563eb',
  '#0284c7',
  '#0891b2',
  '#0d9488',
  '#059669',
  '#16a34a',
  '#65a30d',
  '#ca8a04',
  '#d97706',
  '#ea580c',
  '#dc2626',
] as const;
