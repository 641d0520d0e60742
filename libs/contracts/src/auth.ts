import { z } from 'zod';
import { LIMITS } from './limits.js';
import { atMost, storedText } from './text.js';
import { displayNameSchema, ownProfileSchema, passwordSchema, usernameSchema } from './users.js';

export const signupBodySchema = z
  .object({
    username: usernameSchema,
    password: passwordSchema,
    displayName: displayNameSchema.optional(),
  })
  .strict();
export type SignupBody = z.infer<typeof signupBodySchema>;

/** Login checks only the shape: a wrong or unknown username is INVALID_CREDENTIALS, never VALIDATION. */
export const loginBodySchema = z
  .object({
    username: z.string().trim().toLowerCase().min(1, 'Enter your username').max(64, atMost(64)),
    password: z
      .string()
      .min(1, 'Enter your password')
      .max(LIMITS.passwordMax, atMost(LIMITS.passwordMax)),
  })
  .strict();
export type LoginBody = z.infer<typeof loginBodySchema>;

export const guestBodySchema = z
  .object({
    nickname: storedText()
      .trim()
      .min(1, 'Enter a nickname')
      .max(LIMITS.guestNicknameMax, atMost(LIMITS.guestNicknameMax))
      .optional(),
  })
  .strict();
export type GuestBody = z.infer<typeof guestBodySchema>;

export const guestSchema = z.object({ id: z.uuid(), name: z.string() });
export type Guest = z.infer<typeof guestSchema>;

export const authResponseSchema = z.object({
  user: ownProfileSchema,
  accessToken: z.string(),
});
export type AuthResponse = z.infer<typeof authResponseSchema>;

export const guestResponseSchema = z.object({
  guest: guestSchema,
  accessToken: z.string(),
});
export type GuestResponse = z.infer<typeof guestResponseSchema>;

export const refreshResponseSchema = z.object({ accessToken: z.string() });
export type RefreshResponse = z.infer<typeof refreshResponseSchema>;

/**
 * Claims of an access token. Guests carry their name since they have no row; a user's token
 * carries `sid`, its sign-in (refresh family), so signing out can end that sign-in's sockets.
 */
export const accessClaimsSchema = z.object({
  sub: z.string(),
  role: z.enum(['user', 'guest']),
  jti: z.string(),
  name: z.string().optional(),
  sid: z.uuid().optional(),
  exp: z.number().optional(),
});
export type AccessClaims = z.infer<typeof accessClaimsSchema>;
