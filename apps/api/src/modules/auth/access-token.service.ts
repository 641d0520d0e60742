import { accessClaimsSchema, type AccessClaims } from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../common/errors/app-error.js';
import type { Principal } from '../../common/access/principal.js';
import { InjectConfig, type AppConfig } from '../../config/app-config.js';

const GUEST_TOKEN_TTL_S = 24 * 60 * 60;

/** A verified access token: who it is for, until when, and (users) under which sign-in. */
export interface VerifiedToken {
  principal: Principal;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** The refresh family it was issued under; null for guests and tokens from before `sid`. */
  sessionId: string | null;
}

/**
 * Signs and verifies access tokens (JWT): `sub`, `role`, `jti`, a guest's `name`, and a user's
 * `sid` (the sign-in, i.e. refresh family, it belongs to).
 */
@Injectable()
export class AccessTokenService {
  private readonly userTokenTtlS: number;

  constructor(
    private readonly jwt: JwtService,
    @InjectConfig() config: AppConfig,
  ) {
    // 15 minutes unless ACCESS_TOKEN_TTL_S says otherwise (browser tests shorten it).
    this.userTokenTtlS = config.ACCESS_TOKEN_TTL_S;
  }

  signUser(userId: string, sessionId: string): Promise<string> {
    const claims: AccessClaims = { sub: userId, role: 'user', jti: randomUUID(), sid: sessionId };
    return this.jwt.signAsync(claims, { expiresIn: this.userTokenTtlS });
  }

  signGuest(guestId: string, name: string): Promise<string> {
    const claims: AccessClaims = { sub: guestId, role: 'guest', jti: randomUUID(), name };
    return this.jwt.signAsync(claims, { expiresIn: GUEST_TOKEN_TTL_S });
  }

  /** Throws TOKEN_EXPIRED for an expired token and UNAUTHORIZED for anything else wrong. */
  async verify(token: string): Promise<Principal> {
    return (await this.verifyToken(token)).principal;
  }

  /** As `verify`, with the token's expiry and sign-in. */
  async verifyToken(token: string): Promise<VerifiedToken> {
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
    const { sub, role, name, sid, exp } = claims.data;
    // jsonwebtoken has checked `exp` when present; every token we sign has one.
    if (exp === undefined) throw new AppError('UNAUTHORIZED', 'Invalid access token');
    const principal: Principal =
      role === 'user'
        ? { kind: 'user', id: sub }
        : { kind: 'guest', id: sub, name: name ?? 'Guest' };
    return {
      principal,
      expiresAt: exp * 1000,
      sessionId: role === 'user' ? (sid ?? null) : null,
    };
  }
}
