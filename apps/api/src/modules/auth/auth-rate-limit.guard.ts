import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { Request } from 'express';
import { AppError } from '../../common/errors/app-error.js';
import { KeyedRateLimiter } from '../../common/rate-limit/keyed-rate-limiter.js';
import { InjectConfig, type AppConfig } from '../../config/app-config.js';

/**
 * Credential endpoints (sign-up, sign-in, guest): RATE_LIMIT_AUTH_PER_MIN per client IP.
 * Behind nginx `ip_hash` one IP always reaches the same process, so a per-process count is exact.
 */
@Injectable()
export class AuthRateLimitGuard implements CanActivate, OnModuleDestroy {
  private readonly limiter: KeyedRateLimiter;

  constructor(@InjectConfig() config: AppConfig) {
    this.limiter = new KeyedRateLimiter(config.RATE_LIMIT_AUTH_PER_MIN, 60_000);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (this.limiter.tryTake(request.ip ?? 'unknown')) return true;
    throw new AppError('RATE_LIMITED', 'Too many attempts; wait a minute and try again');
  }

  onModuleDestroy(): void {
    this.limiter.dispose();
  }
}
