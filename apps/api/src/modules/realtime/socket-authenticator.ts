import type { ConnectErrorData } from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error.js';
import { TokenBucket } from '../../common/rate-limit/token-bucket.js';
import { InjectConfig, type AppConfig } from '../../config/app-config.js';
import { AccessTokenService } from '../auth/index.js';
import { UsersService } from '../users/index.js';
import type { ChatSocket } from './socket-types.js';

const SEND_PERIOD_MS = 10_000;

/**
 * The handshake: `auth.token` absent → a read-only visitor; a bad token → `connect_error` with
 * `data.code` UNAUTHORIZED, an expired one TOKEN_EXPIRED (the client refreshes and reconnects).
 */
@Injectable()
export class SocketAuthenticator {
  constructor(
    private readonly tokens: AccessTokenService,
    private readonly users: UsersService,
    @InjectConfig() private readonly config: AppConfig,
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
      socket.data = { principal: null, presenceUser: null, sendLimiter: null };
      return;
    }
    if (typeof token !== 'string')
      throw new AppError('UNAUTHORIZED', 'auth.token must be a string');
    const principal = await this.tokens.verify(token);
    if (principal.kind === 'guest') {
      socket.data = {
        principal,
        presenceUser: { id: principal.id, displayName: principal.name },
        sendLimiter: new TokenBucket(this.config.RATE_LIMIT_GUEST_SENDS_PER_10S, SEND_PERIOD_MS),
      };
      return;
    }
    const user = await this.users.getSessionIdentity(principal.id).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'NOT_FOUND') {
        throw new AppError('UNAUTHORIZED', 'This account no longer exists');
      }
      throw error;
    });
    socket.data = {
      principal,
      presenceUser: user.presenceUser,
      sendLimiter: new TokenBucket(this.config.RATE_LIMIT_USER_SENDS_PER_10S, SEND_PERIOD_MS),
      sessionUser: user.publicUser,
    };
  }
}

function connectError(error: unknown): Error {
  const isTokenProblem = error instanceof AppError;
  const code: ConnectErrorData['code'] = !isTokenProblem
    ? 'INTERNAL'
    : error.code === 'TOKEN_EXPIRED'
      ? 'TOKEN_EXPIRED'
      : 'UNAUTHORIZED';
  const failure = new Error(
    isTokenProblem ? error.message : 'The server could not check your token; try again',
  ) as Error & { data: ConnectErrorData };
  failure.data = { code };
  return failure;
}
