import type { Request, Response } from 'express';
import { REFRESH_TOKEN_TTL_MS } from './refresh-tokens.service.js';

const NAME = 'rt';
const PATH = '/api/auth';

/** The refresh token travels only as an httpOnly cookie scoped to the auth endpoints. */
export function setRefreshCookie(response: Response, token: string, secure: boolean): void {
  response.cookie(NAME, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: PATH,
    maxAge: REFRESH_TOKEN_TTL_MS,
  });
}

export function clearRefreshCookie(response: Response, secure: boolean): void {
  response.clearCookie(NAME, { httpOnly: true, sameSite: 'strict', secure, path: PATH });
}

export function readRefreshCookie(request: Request): string | null {
  const value = (request.cookies as Record<string, unknown> | undefined)?.[NAME];
  return typeof value === 'string' && value.length > 0 && value.length <= 256 ? value : null;
}
