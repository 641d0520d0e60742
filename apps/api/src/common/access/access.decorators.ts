import {
  createParamDecorator,
  type ExecutionContext,
  SetMetadata,
  type Type,
} from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import type { MaybePrincipal } from './principal.js';

/** Who may call an endpoint. Without a decorator an endpoint needs a signed-in user. */
export type AccessLevel = 'no-token' | 'public' | 'guest' | 'user';
export const ACCESS_LEVEL = 'access-level';

/** Anyone, signed in or not; a token, when sent, must still be valid. */
export const Public = () => SetMetadata(ACCESS_LEVEL, 'public' satisfies AccessLevel);
/**
 * Anyone, and the Authorization header is not read at all: the auth endpoints, where a client
 * may still hold an expired token and must not be told to refresh before it can refresh.
 */
export const TokenNotRead = () => SetMetadata(ACCESS_LEVEL, 'no-token' satisfies AccessLevel);
/** Signed-in users and guests. */
export const GuestsAllowed = () => SetMetadata(ACCESS_LEVEL, 'guest' satisfies AccessLevel);

/** The level of a handler: its own decorator, else its controller's, else `user`. */
export function accessLevelOf(
  reflector: Reflector,
  targets: [handler: ReturnType<ExecutionContext['getHandler']>, controller: Type],
): AccessLevel {
  return reflector.getAllAndOverride<AccessLevel>(ACCESS_LEVEL, targets) ?? 'user';
}

export interface RequestWithPrincipal {
  principal?: MaybePrincipal;
}

/** The caller, as established by the AccessGuard (null for visitors on public endpoints). */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): MaybePrincipal =>
    context.switchToHttp().getRequest<RequestWithPrincipal>().principal ?? null,
);

/** The signed-in user's id, on endpoints the guard keeps to users. */
export const CurrentUserId = createParamDecorator(
  (_: unknown, context: ExecutionContext): string => {
    const principal = context.switchToHttp().getRequest<RequestWithPrincipal>().principal;
    if (principal?.kind !== 'user')
      throw new Error('CurrentUserId used on an endpoint open to non-users');
    return principal.id;
  },
);
