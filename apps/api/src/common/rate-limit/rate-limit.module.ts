import { Global, Module } from '@nestjs/common';
import { RateLimits } from './rate-limits.service.js';

/** The rate limits, available everywhere (like the config and Redis). */
@Global()
@Module({ providers: [RateLimits], exports: [RateLimits] })
export class RateLimitModule {}
