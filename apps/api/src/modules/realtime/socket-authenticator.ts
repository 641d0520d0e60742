import type { ConnectErrorData } from '@chat/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error.js';
import { isInternal, reportInternal } from '../../common/errors/internal-error.js';
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

const logger = new Logger('SocketHandshake');

function connectError(error: unknown): Error {
  if (isInternal(error)) {
    // The server's failure, not the token's: logged once, under the id the client gets.
    const { errorId, message } = reportInternal(
      logger,
      error,
      'Handshake failed inside the server',
      'The server could not check your token; try again',
    );
    return Object.assign(new Error(message), {
      data: { code: 'INTERNAL', errorId } satisfies ConnectErrorData,
    });
  }
  const known = error as AppError;
  const code: ConnectErrorData['code'] =
    known.code === 'TOKEN_EXPIRED' || known.code === 'RATE_LIMITED' ? known.code : 'UNAUTHORIZED';
  const failure = new Error(known.message) as Error & { data: ConnectErrorData };
  const retry = known.details && 'retryAfterMs' in known.details ? known.details : {};
  failure.data = { code, ...retry };
  return failure;
}
