import {
  authResponseSchema,
  guestBodySchema,
  guestResponseSchema,
  loginBodySchema,
  refreshResponseSchema,
  signupBodySchema,
  type AuthResponse,
  type GuestBody,
  type LoginBody,
  type RefreshResponse,
  type SignupBody,
} from '@chat/contracts';
import { Body, Controller, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Valid } from '../../common/http/zod-validation.pipe.js';
import { ApiContract } from '../../common/openapi/api-contract.decorator.js';
import {
  authResponseExample,
  guestBodyExample,
  guestResponseExample,
  loginBodyExample,
  refreshResponseExample,
  signupBodyExample,
} from '../../common/openapi/examples.js';
import { InjectConfig, type AppConfig } from '../../config/app-config.js';
import { TokenNotRead } from '../../common/access/access.decorators.js';
import { AuthRateLimitGuard } from './auth-rate-limit.guard.js';
import { AuthService, type SignedIn } from './auth.service.js';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie.js';

@ApiTags('auth')
@Controller('auth')
@TokenNotRead()
export class AuthController {
  private readonly secureCookies: boolean;

  constructor(
    private readonly auth: AuthService,
    @InjectConfig() config: AppConfig,
  ) {
    this.secureCookies = config.NODE_ENV === 'production';
  }

  @Post('signup')
  @UseGuards(AuthRateLimitGuard)
  @ApiContract({
    summary: 'Create an account (profile auto-filled) and sign in; sets the `rt` refresh cookie',
    body: signupBodySchema,
    bodyExample: signupBodyExample,
    response: authResponseSchema,
    example: authResponseExample,
    status: 201,
    errors: ['CONFLICT', 'RATE_LIMITED'],
    refreshCookie: { sets: true },
  })
  async signup(
    @Body(Valid(signupBodySchema)) body: SignupBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AuthResponse> {
    return this.withCookie(response, await this.auth.signup(body));
  }

  @Post('login')
  @UseGuards(AuthRateLimitGuard)
  @ApiContract({
    summary: 'Sign in; sets the `rt` refresh cookie',
    body: loginBodySchema,
    bodyExample: loginBodyExample,
    response: authResponseSchema,
    example: authResponseExample,
    errors: ['INVALID_CREDENTIALS', 'RATE_LIMITED'],
    refreshCookie: { sets: true },
  })
  async login(
    @Body(Valid(loginBodySchema)) body: LoginBody,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AuthResponse> {
    return this.withCookie(response, await this.auth.login(body));
  }

  @Post('refresh')
  @ApiContract({
    summary: 'Exchange the `rt` cookie for a new access token; the cookie is rotated',
    description: 'On a 401 the cookie is cleared: sign in again.',
    response: refreshResponseSchema,
    example: refreshResponseExample,
    refreshCookie: { reads: 'required', sets: true },
  })
  async refresh(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RefreshResponse> {
    try {
      const { accessToken, refreshToken } = await this.auth.refresh(readRefreshCookie(request));
      setRefreshCookie(response, refreshToken, this.secureCookies);
      return { accessToken };
    } catch (error) {
      clearRefreshCookie(response, this.secureCookies);
      throw error;
    }
  }

  @Post('logout')
  @ApiContract({
    summary: 'Sign out: revokes this sign-in and clears the cookie',
    refreshCookie: { reads: 'optional', clears: true },
  })
  async logout(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.auth.logout(readRefreshCookie(request));
    clearRefreshCookie(response, this.secureCookies);
  }

  @Post('guest')
  @UseGuards(AuthRateLimitGuard)
  @ApiContract({
    summary: 'A 24-hour guest token: read and post in general only',
    body: guestBodySchema.optional(),
    bodyExample: guestBodyExample,
    response: guestResponseSchema,
    example: guestResponseExample,
    status: 201,
    errors: ['CONFLICT', 'RATE_LIMITED'],
  })
  guest(@Body(Valid(guestBodySchema.optional())) body: GuestBody | undefined) {
    return this.auth.guest(body ?? {});
  }

  private withCookie(response: Response, signedIn: SignedIn): AuthResponse {
    const { refreshToken, ...body } = signedIn;
    setRefreshCookie(response, refreshToken, this.secureCookies);
    return body;
  }
}
