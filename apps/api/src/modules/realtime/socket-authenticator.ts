import type { ConnectErrorData } from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error.js';
import { AccessTokenService, SessionsService } from '../auth/index.js';
import { UsersService } from '../users/index.js';
import { SocketQuota } from './socket-quota.js';
import type { ChatSocket } from './socket-types.js';

/**
 * The handshake: `auth.token` absent → a read-only visitor; a bad token → `connect_error` with
 * `data.code` UNAUTHORIZED, an expired one TOKEN_EXPIRED (the client refreshes and reconnects).
 */
@Injectable()
export class SocketAuthenticator {
  constructor(
    private readonly tokens: AccessTokenService,
    private readonly sessions: SessionsService,
    private readonly users: UsersService,
    private readonly quota: SocketQuota,
  ) {}

  readonly middleware = (socket: ChatSocket, next: (error?: Error) => void): void => {
    this.authenticate(socket).then(
      () => next(),
      (error: unknown) => next(connectError(error)),
    );
  };

  private async authenticate(socket: ChatSocket): Promise<void> {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (token === undefined || token === null || token === '') {
      await this.quota.claim(socket, null);
      socket.data = { principal: null, auth: null, presenceUser: null };
      return;
    }
    if (typeof token !== 'string')
      throw new AppError('UNAUTHORIZED', 'auth.token must be a string');
    const { principal, expiresAt, sessionId } = await this.tokens.verifyToken(token);
    const auth = { expiresAt, sessionId };
    if (sessionId && !(await this.sessions.isLive(sessionId))) {
      throw new AppError('UNAUTHORIZED', 'This sign-in has ended; sign in again');
    }
    if (principal.kind === 'guest') {
      await this.quota.claim(socket, principal);
      socket.data = {
        principal,
        auth,
        presenceUser: { id: principal.id, displayName: principal.name },
      };
      return;
    }
    const user = await this.users.getSessionIdentity(principal.id).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'NOT_FOUND') {
        throw new AppError('UNAUTHORIZED', 'This account no longer exists');
      }
      throw error;
    });
    await this.quota.claim(socket, principal);
    socket.data = {
      principal,
      auth,
      presenceUser: user.presenceUser,
      sessionUser: user.publicUser,
    };
  }
}

function connectError(error: unknown): Error {
  const known = error instanceof AppError;
  const code: ConnectErrorData['code'] = !known
    ? 'INTERNAL'
    : error.code === 'TOKEN_EXPIRED' || error.code === 'RATE_LIMITED'
      ? error.code
      : 'UNAUTHORIZED';
  const failure = new Error(
    known ? error.message : 'The server could not check your token; try again',
  ) as Error & { data: ConnectErrorData };
  const retry = known && error.details && 'retryAfterMs' in error.details ? error.details : {};
  failure.data = { code, ...retry };
  return failure;
}
