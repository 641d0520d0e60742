import { Injectable, Logger } from '@nestjs/common';
import type { ChatServer, ChatSocket } from './socket-types.js';

/** Packets waiting for one socket before it counts as stalled (~15 s of a busy room). */
const MAX_PENDING_PACKETS = 1000;
const CHECK_INTERVAL_MS = 1000;

/**
 * A client that stops reading would otherwise be buffered without bound until the heartbeat
 * gives up on it (~45 s). Past MAX_PENDING_PACKETS it is disconnected instead: nothing is lost,
 * since the client rejoins with `afterSeq` and catches up from history.
 */
@Injectable()
export class SlowConsumerGuard {
  private readonly logger = new Logger('SlowConsumerGuard');
  private timer: NodeJS.Timeout | null = null;

  start(server: ChatServer): void {
    this.timer = setInterval(() => this.check(server), CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One pass over this process's sockets (also called by the tests). */
  check(server: ChatServer): void {
    for (const socket of server.of('/').sockets.values()) {
      const pending = pendingPackets(socket);
      if (pending <= MAX_PENDING_PACKETS) continue;
      this.logger.warn(`Disconnecting a socket that stopped reading (${pending} packets waiting)`);
      socket.disconnect(true);
    }
  }
}

/** engine.io's queue for the socket: it grows while the transport waits for a write to finish. */
function pendingPackets(socket: ChatSocket): number {
  // A private field of engine.io's Socket (pinned with socket.io 4.8.3).
  return (socket.conn as unknown as { writeBuffer?: unknown[] }).writeBuffer?.length ?? 0;
}
