import { accessClaimsSchema, type AccessClaims } from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../common/errors/app-error.js';
import type { Principal } from '../../common/access/principal.js';

const USER_TOKEN_TTL_S = 15 * 60;
const GUEST_TOKEN_TTL_S = 24 * 60 * 60;

/** Signs and verifies access tokens (JWT): `sub`, `role`, `jti`, and a guest's `name`. */
@Injectable()
export class AccessTokenService {
  constructor(private readonly jwt: JwtService) {}

  signUser(userId: string): Promise<string> {
    const claims: AccessClaims = { sub: userId, role: 'user', jti: randomUUID() };
    return this.jwt.signAsync(claims, { expiresIn: USER_TOKEN_TTL_S });
  }

  signGuest(guestId: string, name: string): Promise<string> {
    const claims: AccessClaims = { sub: guestId, role: 'guest', jti: randomUUID(), name };
    return this.jwt.signAsync(claims, { expiresIn: GUEST_TOKEN_TTL_S });
  }

  /** Throws TOKEN_EXPIRED for an expired token and UNAUTHORIZED for anything else wrong. */
  async verify(token: string): Promise<Principal> {
    let payload: unknown;
    try {
      payload = await this.jwt.verifyAsync(token);
    } catch (error) {
      if (error instanceof TokenExpiredError) {
        throw new AppError('TOKEN_EXPIRED', 'Access token expired; refresh it');
      }
      throw new AppError('UNAUTHORIZED', 'Invalid access token');
    }
    const claims = accessClaimsSchema.safeParse(payload);
    if (!claims.success) throw new AppError('UNAUTHORIZED', 'Invalid access token');
    const { sub, role, name } = claims.data;
    return role === 'user'
      ? { kind: 'user', id: sub }
      : { kind: 'guest', id: sub, name: name ?? 'Guest' };
  }
}
