import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { IsNull, type Repository } from 'typeorm';
import { AppError } from '../../common/errors/app-error.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';

export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
const invalid = () => new AppError('UNAUTHORIZED', 'Sign in again');

/**
 * Refresh tokens: 32 random bytes, stored only as sha256, rotated on every use. Presenting a
 * token that was already rotated means it was copied: the whole family (that sign-in) is revoked.
 */
@Injectable()
export class RefreshTokensService {
  constructor(
    @InjectRepository(RefreshTokenEntity) private readonly tokens: Repository<RefreshTokenEntity>,
  ) {}

  /** Starts a new family (a sign-in) or continues one (a rotation). */
  async issue(userId: string, familyId: string = randomUUID()): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.tokens.insert({
      userId,
      familyId,
      tokenHash: sha256(token),
      expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_MS),
    });
    return token;
  }

  /** Spends a token and returns its successor, or fails with UNAUTHORIZED. */
  async rotate(token: string): Promise<{ userId: string; token: string }> {
    const stored = await this.tokens.findOneBy({ tokenHash: sha256(token) });
    if (!stored) throw invalid();
    if (stored.revokedAt || stored.expiresAt.getTime() <= Date.now()) {
      if (stored.revokedAt) await this.revokeFamily(stored.familyId);
      throw invalid();
    }
    // Only one caller can spend a token: the conditional update decides a race.
    const spent = await this.tokens.update(
      { id: stored.id, revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
    if (!spent.affected) {
      await this.revokeFamily(stored.familyId);
      throw invalid();
    }
    return { userId: stored.userId, token: await this.issue(stored.userId, stored.familyId) };
  }

  /** Sign-out: ends the sign-in the token belongs to. Unknown tokens are ignored. */
  async revokeFamilyOf(token: string): Promise<void> {
    const stored = await this.tokens.findOneBy({ tokenHash: sha256(token) });
    if (stored) await this.revokeFamily(stored.familyId);
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.tokens.update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
