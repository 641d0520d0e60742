import type { AuthRefreshPayload, AuthRefreshResult } from '@chat/contracts';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { AppError } from '../../common/errors/app-error.js';
import {
  AccessTokenService,
  SESSION_ENDED,
  SessionsService,
  type SessionEndedEvent,
} from '../auth/index.js';
import { sessionRoom, type ChatServer, type ChatSocket } from './socket-types.js';

/** How long before its token expires a socket is asked to re-authenticate (at most). */
const NOTICE_LEAD_MS = 60_000;
/** setTimeout's longest delay; a longer wait is taken in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * A socket lives no longer than its access token. Shortly before the token expires the socket
 * gets `auth:expiring`; a client answers `auth:refresh {token}` with a fresh token for the same
 * person, which extends the socket's life to that token's expiry. A socket that has not done so
 * by the expiry is disconnected. Signing out (or a reused refresh token) ends every socket of
 * that sign-in at once: they share the `session:<id>` room, so with Redis one disconnect
 * reaches every process.
 */
@Injectable()
export class SocketSessions implements OnModuleDestroy {
  private server: ChatServer | null = null;
  private readonly timers = new Map<string, NodeJS.Timeout[]>();
  private readonly logger = new Logger('SocketSessions');

  constructor(
    private readonly tokens: AccessTokenService,
    private readonly sessions: SessionsService,
  ) {}

  attach(server: ChatServer): void {
    this.server = server;
  }

  onModuleDestroy(): void {
    for (const id of [...this.timers.keys()]) this.clear(id);
  }

  /** A socket has connected: it joins its sign-in's room and its expiry is scheduled. */
  async started(socket: ChatSocket): Promise<void> {
    const { auth } = socket.data;
    if (!auth) return;
    if (auth.sessionId) await socket.join(sessionRoom(auth.sessionId));
    this.schedule(socket);
  }

  ended(socket: ChatSocket): void {
    this.clear(socket.id);
  }

  /** Refuses any event once the token has expired, even if its timer has not fired yet. */
  assertCurrent(socket: ChatSocket): void {
    const { auth } = socket.data;
    if (auth && auth.expiresAt <= Date.now()) {
      this.expire(socket);
      throw new AppError('TOKEN_EXPIRED', 'Access token expired; refresh it and reconnect');
    }
  }

  /** `auth:refresh`: a fresh token for the same person extends the socket's life. */
  async refresh(socket: ChatSocket, payload: AuthRefreshPayload): Promise<AuthRefreshResult> {
    const { principal, auth } = socket.data;
    if (!principal || !auth) {
      throw new AppError('UNAUTHORIZED', 'A visitor has no token to refresh; connect with one');
    }
    const verified = await this.tokens.verifyToken(payload.token);
    if (verified.principal.kind !== principal.kind || verified.principal.id !== principal.id) {
      throw new AppError('UNAUTHORIZED', 'That token is for someone else; connect again with it');
    }
    if (verified.sessionId && !(await this.sessions.isLive(verified.sessionId))) {
      throw new AppError('UNAUTHORIZED', 'This sign-in has ended; sign in again');
    }
    // It may have expired (and been disconnected) while the token was being checked.
    this.assertCurrent(socket);
    if (socket.disconnected) throw new AppError('UNAUTHORIZED', 'This socket is closed');
    const previous = auth.sessionId;
    socket.data.auth = { expiresAt: verified.expiresAt, sessionId: verified.sessionId };
    if (previous !== verified.sessionId) {
      if (previous) await socket.leave(sessionRoom(previous));
      if (verified.sessionId) await socket.join(sessionRoom(verified.sessionId));
    }
    this.schedule(socket);
    return { expiresAt: new Date(verified.expiresAt).toISOString() };
  }

  /** Sign-out or reuse: every socket of that sign-in, on every process, is disconnected. */
  @OnEvent(SESSION_ENDED)
  sessionEnded({ sessionId }: SessionEndedEvent): void {
    try {
      this.server?.in(sessionRoom(sessionId)).disconnectSockets(true);
    } catch (error) {
      this.logger.error({ err: error, sessionId }, 'Could not end the sockets of a sign-in');
    }
  }

  private schedule(socket: ChatSocket): void {
    this.clear(socket.id);
    const { auth } = socket.data;
    if (!auth || socket.disconnected) return;
    const remaining = auth.expiresAt - Date.now();
    if (remaining > MAX_TIMER_MS) {
      this.timers.set(socket.id, [unref(setTimeout(() => this.schedule(socket), MAX_TIMER_MS))]);
      return;
    }
    const lead = Math.min(NOTICE_LEAD_MS, Math.max(0, remaining / 2));
    const expiresAt = new Date(auth.expiresAt).toISOString();
    const notice = setTimeout(() => socket.emit('auth:expiring', { expiresAt }), remaining - lead);
    const expiry = setTimeout(() => this.expire(socket), Math.max(0, remaining));
    this.timers.set(socket.id, [unref(notice), unref(expiry)]);
  }

  private expire(socket: ChatSocket): void {
    this.clear(socket.id);
    socket.disconnect(true);
  }

  private clear(socketId: string): void {
    for (const timer of this.timers.get(socketId) ?? []) clearTimeout(timer);
    this.timers.delete(socketId);
  }
}

function unref(timer: NodeJS.Timeout): NodeJS.Timeout {
  timer.unref();
  return timer;
}
