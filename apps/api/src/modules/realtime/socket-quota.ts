import { Injectable } from '@nestjs/common';
import type { Principal } from '../../common/access/principal.js';
import { AppError } from '../../common/errors/app-error.js';
import { InjectConfig, type AppConfig } from '../../config/app-config.js';
import { PresenceService } from '../presence/index.js';
import type { ChatSocket } from './socket-types.js';

/** What a refused socket is told to wait before trying again. */
const RETRY_AFTER_MS = 5000;

/**
 * How many sockets one client may hold open: LIMIT_SOCKETS_PER_ADDRESS per client address for
 * visitors and guests, LIMIT_SOCKETS_PER_USER per signed-in user. A user's sockets are counted
 * across processes through presence; handshakes in flight at the same moment on different
 * processes can overshoot by their number. Addresses are counted per process, which is exact
 * behind the compose file's nginx (`ip_hash` sends an address to one process).
 */
@Injectable()
export class SocketQuota {
  /** Sockets of this process per quota key, and each socket's key. */
  private readonly counts = new Map<string, number>();
  private readonly keyOf = new Map<string, string>();

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly presence: PresenceService,
  ) {}

  /** Takes a slot for the socket until its connection closes, or throws RATE_LIMITED. */
  async claim(socket: ChatSocket, principal: Principal | null): Promise<void> {
    const key =
      principal?.kind === 'user'
        ? `user:${principal.id}`
        : `addr:${clientAddress(socket, this.config)}`;
    const limit =
      principal?.kind === 'user'
        ? this.config.LIMIT_SOCKETS_PER_USER
        : this.config.LIMIT_SOCKETS_PER_ADDRESS;
    const here = this.counts.get(key) ?? 0;
    // Presence knows the user's registered sockets on every process; ours include those still
    // in their handshake.
    const everywhere =
      principal?.kind === 'user' ? await this.presence.socketCountOf(principal.id) : 0;
    const open = Math.max(here, everywhere);
    if (open >= limit) {
      throw new AppError('RATE_LIMITED', `At most ${limit} connections at once; close one first`, {
        retryAfterMs: RETRY_AFTER_MS,
      });
    }
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.keyOf.set(socket.id, key);
    // The transport's close comes for every socket, even one that never finished connecting.
    socket.conn.once('close', () => this.release(socket));
  }

  private release(socket: ChatSocket): void {
    const key = this.keyOf.get(socket.id);
    if (key === undefined) return;
    this.keyOf.delete(socket.id);
    const left = (this.counts.get(key) ?? 1) - 1;
    if (left > 0) this.counts.set(key, left);
    else this.counts.delete(key);
  }
}

/** The client's address: behind a trusted proxy, the one the proxy saw (X-Forwarded-For). */
function clientAddress(socket: ChatSocket, config: AppConfig): string {
  const forwarded = socket.handshake.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return config.TRUST_PROXY && first ? first : socket.handshake.address;
}
