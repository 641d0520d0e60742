import { z } from 'zod';
import { idSchema } from './ids.js';
import { LIMITS } from './limits.js';
import { messageSchema } from './messages.js';
import { slugify } from './slug.js';
import { atMost, storedText } from './text.js';
import { publicUserSchema } from './users.js';

export const conversationKindSchema = z.enum(['general', 'room', 'direct', 'group']);
export type ConversationKind = z.infer<typeof conversationKindSchema>;

export const memberRoleSchema = z.enum(['owner', 'moderator', 'member']);
export type MemberRole = z.infer<typeof memberRoleSchema>;

export const conversationSchema = z.object({
  id: z.uuid(),
  kind: conversationKindSchema,
  slug: z.string().optional(),
  name: z.string(),
  topic: z.string().optional(),
  memberCount: z.number().int(),
  onlineCount: z.number().int(),
  lastMessageAt: z.string().nullable(),
  lastSeq: z.number().int(),
  /** In GET /api/rooms for a caller with a token: whether they may use it (general: always). */
  isMember: z.boolean().optional(),
  /** For a signed-in member (GET /api/rooms?mine=true): messages from others after their read marker. */
  unread: z.number().int().optional(),
  /** Beside `unread`: how many of those mention the member. */
  mentionCount: z.number().int().optional(),
  /** The caller's role, where the caller is a member (rooms and groups). */
  myRole: memberRoleSchema.optional(),
  /** Present (true) on an archived room: read-only for everyone. */
  archived: z.literal(true).optional(),
});
export type Conversation = z.infer<typeof conversationSchema>;

export const listRoomsQuerySchema = z.object({
  /** Searches room names; general is listed when it matches too. */
  q: z.string().trim().max(64).optional(),
  /** `activity`: most recent message first (rooms without one last); `name`: A to Z. */
  sort: z.enum(['activity', 'name']).default('activity'),
  limit: z.coerce.number().int().min(1).max(LIMITS.roomPageMax).default(LIMITS.roomPageDefault),
  cursor: z.string().max(512).optional(),
  /** `true`: only rooms the caller belongs to (signed-in users; general is not among them). */
  mine: z.stringbool().optional(),
});
export type ListRoomsQuery = z.infer<typeof listRoomsQuerySchema>;

/** GET /api/rooms: general first (on the first page), then a page of rooms. */
export const conversationListSchema = z.object({
  items: z.array(conversationSchema),
  nextCursor: z.string().nullable(),
});
export type ConversationList = z.infer<typeof conversationListSchema>;

export const roomMemberSchema = z.object({
  user: publicUserSchema,
  role: memberRoleSchema,
  joinedAt: z.string(),
});
export type RoomMember = z.infer<typeof roomMemberSchema>;

export const roomDetailsSchema = conversationSchema.extend({
  members: z.array(roomMemberSchema),
});
export type RoomDetails = z.infer<typeof roomDetailsSchema>;

export const membershipSchema = z.object({
  conversationId: z.uuid(),
  userId: z.uuid(),
  role: memberRoleSchema,
  joinedAt: z.string(),
});
export type Membership = z.infer<typeof membershipSchema>;

export const createRoomBodySchema = z
  .object({
    name: storedText()
      .trim()
      .min(LIMITS.roomNameMin, `Use at least ${LIMITS.roomNameMin} characters`)
      .max(LIMITS.roomNameMax, atMost(LIMITS.roomNameMax))
      .refine((name) => slugify(name).length > 0, 'Include at least one letter or digit'),
    topic: storedText().trim().max(LIMITS.roomTopicMax, atMost(LIMITS.roomTopicMax)).optional(),
  })
  .strict();
export type CreateRoomBody = z.infer<typeof createRoomBodySchema>;

export const slugParamSchema = z.object({ slug: z.string().trim().toLowerCase().max(128) });

export const threadSchema = z.object({
  id: z.uuid(),
  /** `direct`: two people; `group`: 3–50 people. */
  kind: z.enum(['direct', 'group']),
  /** The other person of a direct thread; null for a group. */
  otherUser: publicUserSchema.nullable(),
  /** Everyone in it, the caller included. */
  members: z.array(publicUserSchema),
  /** A group's name (empty when none was given). */
  name: z.string().optional(),
  lastMessage: messageSchema.nullable(),
  unread: z.number().int(),
  /** Messages after the read marker that mention the caller. */
  mentionCount: z.number().int(),
});
export type Thread = z.infer<typeof threadSchema>;

export const threadListSchema = z.object({ items: z.array(threadSchema) });
export type ThreadList = z.infer<typeof threadListSchema>;

export const openThreadBodySchema = z.object({ userId: idSchema }).strict();
export type OpenThreadBody = z.infer<typeof openThreadBodySchema>;

export const conversationIdParamSchema = z.object({ id: idSchema });

const groupName = storedText().trim().max(LIMITS.roomNameMax, atMost(LIMITS.roomNameMax));

/** POST /api/groups: the others to include (the creator is added); 3–50 people in all. */
export const createGroupBodySchema = z
  .object({
    userIds: z.array(idSchema).min(1).max(LIMITS.groupMembersMax),
    name: groupName.optional(),
  })
  .strict();
export type CreateGroupBody = z.infer<typeof createGroupBodySchema>;

/** POST /api/groups/:id/members. */
export const addGroupMemberBodySchema = z.object({ userId: idSchema }).strict();
export type AddGroupMemberBody = z.infer<typeof addGroupMemberBodySchema>;

/** PATCH /api/groups/:id. */
export const renameGroupBodySchema = z.object({ name: groupName.min(1) }).strict();
export type RenameGroupBody = z.infer<typeof renameGroupBodySchema>;
