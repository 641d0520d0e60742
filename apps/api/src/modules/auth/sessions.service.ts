import { Injectable } from '@nestjs/common';
import { TickBatcher } from '../../common/batching/tick-batcher.js';
import { RefreshTokensService } from './refresh-tokens.service.js';

/**
 * Whether a sign-in (refresh family) is still going: not signed out, not revoked for reuse,
 * not expired. Asked on every socket handshake and re-authentication, so the checks of one
 * event-loop turn share one query.
 */
@Injectable()
export class SessionsService {
  private readonly live: TickBatcher<string, boolean>;

  constructor(refreshTokens: RefreshTokensService) {
    this.live = new TickBatcher(async (ids) => {
      const live = await refreshTokens.liveFamilies([...new Set(ids)]);
      return ids.map((id) => live.has(id));
    });
  }

  isLive(sessionId: string): Promise<boolean> {
    return this.live.get(sessionId);
  }
}
