import type { ConnectErrorData } from '@chat/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { InjectConfig, type AppConfig } from '../../config/app-config.js';
import { PresenceLifecycle } from './presence-lifecycle.js';
import type { ChatServer, ChatSocket } from './socket-types.js';

/** How long a told socket has to leave by itself before it is closed. */
const GRACE_MS = 1000;

/**
 * A graceful stop (SIGTERM): accept no new sockets, then tell each connected one to reconnect
 * (`server:reconnect`), each at its own random moment within SHUTDOWN_DRAIN_MS, so a rolling
 * restart reaches the other processes as a trickle, not one wave. Presence is handed over, not
 * removed: a user who is back elsewhere before the TTL is never seen leaving.
 */
@Injectable()
export class ShutdownDrain {
  private readonly logger = new Logger('ShutdownDrain');
  private server: ChatServer | null = null;
  private draining = false;

  constructor(
    private readonly presence: PresenceLifecycle,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  attach(server: ChatServer): void {
    this.server = server;
  }

  /** Handshake middleware: while draining, a new socket is sent elsewhere. */
  readonly middleware = (_socket: ChatSocket, next: (error?: Error) => void): void => {
    if (!this.draining) return next();
    const refusal = new Error('This server is restarting; connect again') as Error & {
      data: ConnectErrorData;
    };
    refusal.data = { code: 'INTERNAL' };
    next(refusal);
  };

  async drain(): Promise<void> {
    if (this.draining || !this.server) return;
    this.draining = true;
    const spreadMs = this.config.SHUTDOWN_DRAIN_MS;
    const sockets = [...this.server.of('/').sockets.values()];
    this.logger.log(`Draining: ${sockets.length} sockets told to reconnect over ${spreadMs} ms`);
    await this.presence.handOver();
    const told = sockets.map(async (socket) => {
      await sleep(Math.random() * spreadMs);
      if (!socket.connected) return;
      socket.emit('server:reconnect', { reason: 'shutdown' });
      await sleep(GRACE_MS);
      if (socket.connected) socket.disconnect(true);
    });
    await Promise.all(told);
  }
}
