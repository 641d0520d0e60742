import { Global, Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { UsersModule } from '../users/index.js';
import { AccessGuard } from './access.guard.js';
import { AccessTokenService } from './access-token.service.js';
import { AuthRateLimitGuard } from './auth-rate-limit.guard.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { PasswordHasher } from './password-hasher.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';
import { RefreshTokensService } from './refresh-tokens.service.js';
import { SessionsService } from './sessions.service.js';

/** Sign-up, sign-in, tokens; also the global AccessGuard every endpoint passes through. */
@Global()
@Module({
  imports: [
    UsersModule,
    TypeOrmModule.forFeature([RefreshTokenEntity]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        // A ready KeyObject: given a string, jsonwebtoken first tries (and fails, expensively)
        // to parse it as a public key on every verify.
        const key = createSecretKey(Buffer.from(config.jwtSecret));
        return {
          secretOrKeyProvider: () => key,
          signOptions: { algorithm: 'HS256' as const },
          verifyOptions: { algorithms: ['HS256' as const] },
        };
      },
    }),
  ],
  controllers: [AuthController],
  providers: [
    AccessTokenService,
    AuthService,
    AuthRateLimitGuard,
    PasswordHasher,
    RefreshTokensService,
    SessionsService,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AccessTokenService, SessionsService],
})
export class AuthModule {}
