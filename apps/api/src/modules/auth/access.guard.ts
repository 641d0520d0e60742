import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AppError } from '../../common/errors/app-error.js';
import { accessLevelOf, type RequestWithPrincipal } from '../../common/access/access.decorators.js';
import { AccessTokenService } from './access-token.service.js';

/** Global guard: reads the bearer token, sets `request.principal`, enforces the access level. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const level = accessLevelOf(this.reflector, [context.getHandler(), context.getClass()]);
    const request = context.switchToHttp().getRequest<Request & RequestWithPrincipal>();
    if (level === 'no-token') {
      request.principal = null;
      return true;
    }
    const token = bearerToken(request);
    // A token that is sent is always checked, so a client learns to refresh it.
    request.principal = token ? await this.tokens.verify(token) : null;

    if (level === 'public') return true;
    if (!request.principal) throw new AppError('UNAUTHORIZED', 'Sign in first');
    if (level === 'user' && request.principal.kind !== 'user') {
      throw new AppError('FORBIDDEN', 'Guests can only read and post in general; sign up for more');
    }
    return true;
  }
}

function bearerToken(request: Request): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const [scheme, token] = header.split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token) {
    throw new AppError('UNAUTHORIZED', 'Authorization must be "Bearer <token>"');
  }
  return token;
}
