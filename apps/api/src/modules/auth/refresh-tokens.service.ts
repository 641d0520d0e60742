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

  /**
   * Spends a token and returns its successor, or fails with UNAUTHORIZED. One statement spends
   * the token and inserts its successor: of two concurrent uses the row lock lets exactly one
   * spend it (the other, re-checking `revoked_at IS NULL` after the winner commits, finds it
   * spent), and the successor exists as soon as the spend is visible. So the loser's reuse
   * check below always sees the winner's new token and revokes it with the family.
   */
  async rotate(
    token: string,
    onFamilyRevoked: (familyId: string) => void = () => undefined,
  ): Promise<{ userId: string; familyId: string; token: string }> {
    const successor = randomBytes(32).toString('base64url');
    const rows: Array<{ user_id: string; family_id: string }> = await this.tokens.query(
      `WITH spent AS (
         UPDATE refresh_tokens SET revoked_at = now()
         WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()
         RETURNING user_id, family_id
       )
       INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at)
       SELECT user_id, family_id, $2, $3 FROM spent
       RETURNING user_id, family_id`,
      [sha256(token), sha256(successor), new Date(Date.now() + REFRESH_TOKEN_TTL_MS)],
    );
    const [rotated] = rows;
    if (rotated) return { userId: rotated.user_id, familyId: rotated.family_id, token: successor };
    // Unknown, expired or already spent. Spent means it was copied: end that sign-in everywhere.
    const revoked = await this.revokeFamilyOfSpent(token);
    if (revoked) onFamilyRevoked(revoked);
    throw invalid();
  }

  /** Sign-out: ends the sign-in the token belongs to, whose id it returns (null: unknown). */
  async revokeFamilyOf(token: string): Promise<string | null> {
    const stored = await this.tokens.findOneBy({ tokenHash: sha256(token) });
    if (!stored) return null;
    await this.revokeFamily(stored.familyId);
    return stored.familyId;
  }

  /** The sign-ins among `familyIds` that still hold a live (unspent, unexpired) token. */
  async liveFamilies(familyIds: string[]): Promise<Set<string>> {
    const rows: Array<{ family_id: string }> = await this.tokens.query(
      `SELECT DISTINCT family_id FROM refresh_tokens
       WHERE family_id = ANY($1::uuid[]) AND revoked_at IS NULL AND expires_at > now()`,
      [familyIds],
    );
    return new Set(rows.map((row) => row.family_id));
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.tokens.update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /**
   * Revokes the family of `token` if that token was spent (revoked) already; returns the
   * family's id then (null: unknown or merely expired).
   */
  private async revokeFamilyOfSpent(token: string): Promise<string | null> {
    const [spent]: Array<{ family_id: string }> = await this.tokens.query(
      `SELECT family_id FROM refresh_tokens WHERE token_hash = $1 AND revoked_at IS NOT NULL`,
      [sha256(token)],
    );
    if (!spent) return null;
    await this.revokeFamily(spent.family_id);
    return spent.family_id;
  }
}
