import type {
  Attachment,
  AuthResponse,
  SearchResult,
  Conversation,
  ConversationList,
  CreateRoomBody,
  AddGroupMemberBody,
  CreateGroupBody,
  RenameGroupBody,
  EditMessageBody,
  GameMoveBody,
  GuestBody,
  GuestResponse,
  Health,
  LoginBody,
  Membership,
  Message,
  MessagePage,
  OpenThreadBody,
  OwnProfile,
  PinnedList,
  PublicUser,
  ReadBody,
  RefreshResponse,
  RoomDetails,
  SetRoleBody,
  UpdateRoomBody,
  SendMessageBody,
  SignupBody,
  StartGameBody,
  Thread,
  ThreadList,
  UpdateProfileBody,
  UserPage,
} from '@chat/contracts';

// One small, consistent world for the examples at /api/docs: Ann and Bob, general, one room and
// their private thread. Typed by the contract; Redocly checks them against the schemas too.

const ANN_ID = 'c0a8d1e2-3b4f-4a5b-8c6d-7e8f9a0b1c2d';
const BOB_ID = 'd1b9e2f3-4c5a-4b6c-9d7e-8f9a0b1c2d3e';
const GENERAL_ID = '9b2f6f43-2a41-4c55-8a53-1f0c6f0e7d21';
const ROOM_ID = 'a3c4d5e6-f7a8-4b9c-8d0e-1f2a3b4c5d6e';
const THREAD_ID = 'e4f5a6b7-c8d9-4e0f-a1b2-c3d4e5f6a7b8';
const ACCESS_TOKEN =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjMGE4ZDFlMi0zYjRmLTRhNWItOGM2ZC03ZThmOWEwYjFjMmQiLCJyb2xlIjoidXNlciJ9.3q2-7wAbc0dEf1gH2iJ3kL4mN5oP6qR7sT8uV9wX0yZ';

const ann: PublicUser = {
  id: ANN_ID,
  username: 'ann',
  displayName: 'Ann Lee',
  bio: 'Reads too much.',
  avatarColor: '#2563eb',
  location: 'Lisbon',
  online: true,
  lastSeenAt: '2026-12-03T10:15:00.000Z',
  isDemo: false,
};

const bob: PublicUser = {
  ...ann,
  id: BOB_ID,
  username: 'bob',
  displayName: 'Bob',
  bio: '',
  avatarColor: '#059669',
  location: '',
  online: false,
  lastSeenAt: '2026-12-02T18:40:00.000Z',
};

export const ownProfileExample: OwnProfile = {
  ...ann,
  createdAt: '2026-11-20T09:00:00.000Z',
  botOptOut: false,
  sampleProfile: false,
};
export const publicUserExample = ann;
export const userPageExample: UserPage = { items: [ann, bob], nextCursor: null };

export const signupBodyExample: SignupBody = {
  username: 'ann',
  password: 'correct horse battery',
  displayName: 'Ann Lee',
};
export const loginBodyExample: LoginBody = { username: 'ann', password: 'correct horse battery' };
export const authResponseExample: AuthResponse = {
  user: ownProfileExample,
  accessToken: ACCESS_TOKEN,
};
export const refreshResponseExample: RefreshResponse = { accessToken: ACCESS_TOKEN };
export const guestBodyExample: GuestBody = { nickname: 'Visitor' };
export const guestResponseExample: GuestResponse = {
  guest: { id: 'f5a6b7c8-d9e0-4f1a-b2c3-d4e5f6a7b8c9', name: 'Visitor' },
  accessToken: ACCESS_TOKEN,
};
export const updateProfileBodyExample: UpdateProfileBody = {
  bio: 'Reads too much.',
  avatarColor: '#2563eb',
};

const general: Conversation = {
  id: GENERAL_ID,
  kind: 'general',
  slug: 'general',
  name: 'General',
  memberCount: 42,
  onlineCount: 5,
  lastMessageAt: '2026-12-03T10:14:12.000Z',
  lastSeq: 1234,
  isMember: true,
};

export const roomExample: Conversation = {
  id: ROOM_ID,
  kind: 'room',
  slug: 'book-club',
  name: 'Book club',
  topic: 'One chapter a week',
  memberCount: 2,
  onlineCount: 1,
  lastMessageAt: '2026-12-03T09:58:30.000Z',
  lastSeq: 53,
  isMember: true,
};

export const conversationListExample: ConversationList = {
  items: [general, roomExample],
  nextCursor: 'WyJhY3Rpdml0eSIsIjIwMjYtMTItMDEgMTA6MDA6MDArMDAiLCIzZjJjIl0',
};
export const createRoomBodyExample: CreateRoomBody = {
  name: 'Book club',
  topic: 'One chapter a week',
};

export const roomDetailsExample: RoomDetails = {
  ...roomExample,
  members: [
    { user: ann, role: 'owner', joinedAt: '2026-11-21T12:00:00.000Z' },
    { user: bob, role: 'member', joinedAt: '2026-11-22T08:30:00.000Z' },
  ],
};

export const setRoleBodyExample: SetRoleBody = { role: 'moderator' };
export const updateRoomBodyExample: UpdateRoomBody = { topic: 'Chapter 4 next week' };

export const membershipExample: Membership = {
  conversationId: ROOM_ID,
  userId: BOB_ID,
  role: 'member',
  joinedAt: '2026-11-22T08:30:00.000Z',
};

const message = (seq: number, body: string, from: PublicUser, at: string): Message => ({
  id: String(9000 + seq),
  conversationId: ROOM_ID,
  seq,
  rev: seq,
  sender: {
    id: from.id,
    kind: 'user',
    name: from.displayName,
    username: from.username,
    avatarColor: from.avatarColor,
  },
  body,
  clientMsgId: `0c1d2e3f-4a5b-4c6d-8e7f-${String(seq).padStart(12, '0')}`,
  kind: 'text',
  viaBot: false,
  createdAt: at,
  editedAt: null,
  deletedAt: null,
  replyTo: null,
  mentions: [],
  reactions: [],
  attachments: [],
  pinned: false,
  game: null,
});

export const messagePageExample: MessagePage = {
  items: [
    message(51, 'Chapter 3 tonight?', ann, '2026-12-03T09:57:02.000Z'),
    message(52, 'Yes, 8 pm works', bob, '2026-12-03T09:58:30.000Z'),
  ],
  hasMore: true,
};

export const readBodyExample: ReadBody = { seq: 52 };

export const messageExample: Message = {
  ...message(53, 'Thanks @bob, see you **there**', ann, '2026-12-03T10:02:00.000Z'),
  rev: 55,
  editedAt: '2026-12-03T10:03:10.000Z',
  replyTo: { id: '9052', seq: 52, senderName: bob.displayName, excerpt: 'Yes, 8 pm works' },
  mentions: [BOB_ID],
  reactions: [{ emoji: '👍', count: 1, userIds: [BOB_ID] }],
};

export const attachmentExample: Attachment = {
  id: '5e0c7a52-8d0b-4a4e-9f1e-2b6f3c1d9a10',
  name: 'harbour.jpg',
  size: 482113,
  contentType: 'image/jpeg',
  width: 1600,
  height: 1200,
  url: '/api/attachments/5e0c7a52-8d0b-4a4e-9f1e-2b6f3c1d9a10?exp=1796299200&sig=2mC0yq3c2Jb9Xz4Qn6kV1oPp8tLr5aWsYe7uHdFgBj0',
  thumbUrl:
    '/api/attachments/5e0c7a52-8d0b-4a4e-9f1e-2b6f3c1d9a10/thumb?exp=1796299200&sig=Qv8r2LkP0sNw5yXc7bTz1uHm4jGd9fAe6oIq3eRtWsU',
};

export const pinnedMessageExample: Message = { ...messageExample, rev: 56, pinned: true };
export const pinnedListExample: PinnedList = { items: [pinnedMessageExample] };

export const sendMessageBodyExample: SendMessageBody = {
  clientMsgId: '0c1d2e3f-4a5b-4c6d-8e7f-000000000053',
  body: 'Thanks @bob, see you **there**',
  replyToId: '9052',
};

export const editMessageBodyExample: EditMessageBody = {
  body: 'Thanks @bob, see you **there** at 8',
};

export const startGameBodyExample: StartGameBody = { x: 'me', o: 'ai' };

export const gameMoveBodyExample: GameMoveBody = { cell: 4 };

/** Ann (X) against the AI (O): she took the centre, the AI answered in a corner. */
export const gameMessageExample: Message = {
  ...message(54, 'Tic-tac-toe: Ann (X) vs AI (O)', ann, '2026-12-03T10:05:00.000Z'),
  rev: 57,
  kind: 'game',
  game: {
    board: 'O---X----',
    turn: 'X',
    seats: {
      X: { kind: 'user', userId: ANN_ID, name: ann.displayName },
      O: { kind: 'ai', name: 'AI' },
    },
    status: 'playing',
    line: null,
  },
};

export const threadExample: Thread = {
  id: THREAD_ID,
  kind: 'direct',
  otherUser: bob,
  members: [ann, bob],
  lastMessage: {
    ...message(3, 'See you there', bob, '2026-12-03T10:01:00.000Z'),
    conversationId: THREAD_ID,
  },
  unread: 1,
  mentionCount: 0,
};
export const groupExample: Conversation = {
  id: '5c4e2a10-7d3b-4f1e-9a6c-2b8d0e1f3a47',
  kind: 'group',
  name: 'Trip planning',
  memberCount: 3,
  onlineCount: 2,
  lastMessageAt: null,
  lastSeq: 0,
  myRole: 'member',
};
export const createGroupBodyExample: CreateGroupBody = {
  userIds: [BOB_ID, '7a1c9e2d-3b4f-4a5e-8c6d-9e0f1a2b3c4d'],
  name: 'Trip planning',
};
export const addGroupMemberBodyExample: AddGroupMemberBody = { userId: BOB_ID };
export const renameGroupBodyExample: RenameGroupBody = { name: 'Trip to Porto' };

export const threadListExample: ThreadList = { items: [threadExample] };
export const openThreadBodyExample: OpenThreadBody = { userId: BOB_ID };

export const healthExample: Health = {
  status: 'ok',
  info: { database: { status: 'up' }, redis: { status: 'up' } },
  error: {},
  details: { database: { status: 'up' }, redis: { status: 'up' } },
};
export const healthDownExample: Health = {
  status: 'error',
  info: { database: { status: 'up' } },
  error: { redis: { status: 'down', message: 'not connected' } },
  details: { database: { status: 'up' }, redis: { status: 'down', message: 'not connected' } },
};

/** GET /api/search?q=see%20there: both words matched, as ranges of the body. */
export const searchResultExample: SearchResult = {
  items: [
    {
      message: messageExample,
      conversation: { id: ROOM_ID, kind: 'room', name: 'Book club', slug: 'book-club' },
      highlights: [
        [13, 16],
        [23, 28],
      ],
    },
  ],
  nextCursor: 'WyI5MDUzIl0',
};
