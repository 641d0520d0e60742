import type {
  AuthResponse,
  GuestBody,
  GuestResponse,
  LoginBody,
  SignupBody,
} from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { randomInt, randomUUID } from 'node:crypto';
import { AppError } from '../../common/errors/app-error.js';
import { UsersService } from '../users/index.js';
import { AccessTokenService } from './access-token.service.js';
import { SESSION_ENDED, type SessionEndedEvent } from './auth.events.js';
import { PasswordHasher } from './password-hasher.js';
import { RefreshTokensService } from './refresh-tokens.service.js';

/** An auth response plus the refresh token the controller puts in the cookie. */
export type SignedIn = AuthResponse & { refreshToken: string };

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordHasher,
    private readonly accessTokens: AccessTokenService,
    private readonly refreshTokens: RefreshTokensService,
    private readonly events: EventEmitter2,
  ) {}

  async signup(body: SignupBody): Promise<SignedIn> {
    const user = await this.users.create({
      username: body.username,
      passwordHash: await this.passwords.hash(body.password),
      displayName: body.displayName,
      markSample: true,
    });
    return this.signIn(user.id);
  }

  /** Unknown user and wrong password fail alike, at the same cost. */
  async login(body: LoginBody): Promise<SignedIn> {
    const user = await this.users.findCredentials(body.username);
    const ok = await this.passwords.verify(user?.passwordHash, body.password);
    if (!user || !ok) throw new AppError('INVALID_CREDENTIALS', 'Wrong username or password');
    return this.signIn(user.id);
  }

  async refresh(
    refreshToken: string | null,
  ): Promise<{ accessToken: string; refreshToken: string }> {
    if (!refreshToken) throw new AppError('UNAUTHORIZED', 'Sign in again');
    const rotated = await this.refreshTokens.rotate(refreshToken, (familyId) =>
      this.sessionEnded(familyId),
    );
    return {
      accessToken: await this.accessTokens.signUser(rotated.userId, rotated.familyId),
      refreshToken: rotated.token,
    };
  }

  /** Ends the sign-in: its refresh tokens and, on every process, its sockets. */
  async logout(refreshToken: string | null): Promise<void> {
    const familyId = refreshToken ? await this.refreshTokens.revokeFamilyOf(refreshToken) : null;
    if (familyId) this.sessionEnded(familyId);
  }

  /** Guests have no row: their id and name live in a 24-hour token. */
  async guest(body: GuestBody): Promise<GuestResponse> {
    // A guest may not pass for a member: only a grey pill would tell them apart.
    if (body.nickname && (await this.users.isDisplayNameTaken(body.nickname))) {
      throw new AppError('CONFLICT', 'That name belongs to a member', [
        { path: 'nickname', message: 'A member uses this name: pick another nickname' },
      ]);
    }
    const guest = { id: randomUUID(), name: body.nickname ?? `Guest ${randomInt(1000, 10000)}` };
    return { guest, accessToken: await this.accessTokens.signGuest(guest.id, guest.name) };
  }

  private async signIn(userId: string): Promise<SignedIn> {
    const familyId = randomUUID();
    return {
      user: await this.users.getOwnProfile(userId),
      refreshToken: await this.refreshTokens.issue(userId, familyId),
      accessToken: await this.accessTokens.signUser(userId, familyId),
    };
  }

  private sessionEnded(sessionId: string): void {
    this.events.emit(SESSION_ENDED, { sessionId } satisfies SessionEndedEvent);
  }
}
