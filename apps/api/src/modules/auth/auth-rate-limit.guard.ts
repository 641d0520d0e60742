import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { RateLimits } from '../../common/rate-limit/rate-limits.service.js';

/**
 * Credential endpoints (sign-up, sign-in, guest): RATE_LIMIT_AUTH_PER_MIN per client address,
 * counted cluster-wide when Redis is set (see common/rate-limit/rate-limit.policies.ts).
 */
@Injectable()
export class AuthRateLimitGuard implements CanActivate {
  constructor(private readonly limits: RateLimits) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    await this.limits.consume('auth', request.ip ?? 'unknown');
    return true;
  }
}
