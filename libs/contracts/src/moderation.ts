import { z } from 'zod';
import { idSchema } from './ids.js';
import { LIMITS } from './limits.js';
import { memberRoleSchema } from './conversations.js';
import { atMost, storedText } from './text.js';
import { publicUserSchema } from './users.js';

/** `/api/rooms/:slug/members/:userId` and `/api/rooms/:slug/bans/:userId`. */
export const roomMemberParamsSchema = z.object({
  slug: z.string().trim().toLowerCase().max(128),
  userId: idSchema.describe('The user (a uuid) the action is about'),
});
export type RoomMemberParams = z.infer<typeof roomMemberParamsSchema>;

/** PUT /api/rooms/:slug/members/:userId: `owner` hands the room over (the old owner moderates). */
export const setRoleBodySchema = z.object({ role: memberRoleSchema }).strict();
export type SetRoleBody = z.infer<typeof setRoleBodySchema>;

/** PATCH /api/rooms/:slug: a new name (the slug stays) and/or topic (`""` clears it). */
export const updateRoomBodySchema = z
  .object({
    name: storedText()
      .trim()
      .min(LIMITS.roomNameMin, `Use at least ${LIMITS.roomNameMin} characters`)
      .max(LIMITS.roomNameMax, atMost(LIMITS.roomNameMax))
      .optional(),
    topic: storedText().trim().max(LIMITS.roomTopicMax, atMost(LIMITS.roomTopicMax)).optional(),
  })
  .strict()
  .refine((body) => body.name !== undefined || body.topic !== undefined, {
    message: 'Give a name or a topic',
    path: ['name'],
  });
export type UpdateRoomBody = z.infer<typeof updateRoomBodySchema>;

/** GET /api/rooms/:slug/bans (moderators and the owner): who is banned, the newest ban first. */
export const roomBanSchema = z.object({
  user: publicUserSchema,
  bannedAt: z.string(),
  /** Who banned them (a user id), null when that account is gone. */
  bannedBy: z.uuid().nullable(),
});
export type RoomBan = z.infer<typeof roomBanSchema>;
export const roomBanListSchema = z.object({ items: z.array(roomBanSchema) });
export type RoomBanList = z.infer<typeof roomBanListSchema>;
