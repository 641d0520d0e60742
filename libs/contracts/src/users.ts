import { z } from 'zod';
import { AVATAR_COLORS, LIMITS, USERNAME_PATTERN } from './limits.js';
import { atMost, storedText } from './text.js';

/** The username rule as people read it (the sign-up hint says the same). */
export const USERNAME_RULE = 'Use 3–32 characters: letters a–z, digits, “_”, “.” or “-”';

/** Usernames are case-insensitive: input is trimmed and lower-cased before the pattern applies. */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(USERNAME_PATTERN, USERNAME_RULE);

export const passwordSchema = z
  .string()
  .min(LIMITS.passwordMin, `Use at least ${LIMITS.passwordMin} characters`)
  .max(LIMITS.passwordMax, atMost(LIMITS.passwordMax));

export const displayNameSchema = storedText()
  .trim()
  .min(1, 'Enter a display name')
  .max(LIMITS.displayNameMax, atMost(LIMITS.displayNameMax));
export const bioSchema = storedText().trim().max(LIMITS.bioMax, atMost(LIMITS.bioMax));
export const locationSchema = storedText()
  .trim()
  .max(LIMITS.locationMax, atMost(LIMITS.locationMax));
export const avatarColorSchema = z.enum(AVATAR_COLORS);

/** What anyone may see of a user. */
export const publicUserSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  bio: z.string(),
  avatarColor: z.string(),
  location: z.string(),
  online: z.boolean(),
  lastSeenAt: z.string().nullable(),
  isDemo: z.boolean(),
});
export type PublicUser = z.infer<typeof publicUserSchema>;

/** The signed-in user's own profile. */
export const ownProfileSchema = publicUserSchema.extend({
  createdAt: z.string(),
  /** The bot never posts as this person, even with BOT_AUTHORS=everyone. */
  botOptOut: z.boolean(),
  /** The bio and location were invented at sign-up and the owner has not been told yet. */
  sampleProfile: z.boolean(),
});
export type OwnProfile = z.infer<typeof ownProfileSchema>;

export const updateProfileBodySchema = z
  .object({
    displayName: displayNameSchema.optional(),
    bio: bioSchema.optional(),
    avatarColor: avatarColorSchema.optional(),
    location: locationSchema.optional(),
    botOptOut: z.boolean().optional(),
    /** The owner has been shown that the sample profile is invented: stop saying so. */
    sampleProfileSeen: z.literal(true).optional(),
  })
  .strict();
export type UpdateProfileBody = z.infer<typeof updateProfileBodySchema>;

export const listUsersQuerySchema = z.object({
  q: z.string().trim().max(64).optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(LIMITS.directoryPageMax)
    .default(LIMITS.directoryPageDefault),
  cursor: z.string().max(512).optional(),
});
export type ListUsersQuery = z.infer<typeof listUsersQuerySchema>;

export const userPageSchema = z.object({
  items: z.array(publicUserSchema),
  nextCursor: z.string().nullable(),
});
export type UserPage = z.infer<typeof userPageSchema>;

export const usernameParamSchema = z.object({ username: z.string().trim().toLowerCase().max(64) });
