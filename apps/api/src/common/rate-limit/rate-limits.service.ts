import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { InjectConfig, type AppConfig } from '../../config/app-config.js';
import { REDIS, type RedisClient } from '../../redis/redis.module.js';
import { AppError } from '../errors/app-error.js';
import { ratePolicies, type RatePolicy, type RatePolicyName } from './rate-limit.policies.js';

/**
 * The rate limits of `ratePolicies`, counted with rate-limiter-flexible: in memory on a single
 * node, in Redis when REDIS_URL is set. While Redis is unreachable each process falls back to
 * its own memory count (the limiter's insurance), so a Redis outage loosens limits a little but
 * never refuses or stalls a call.
 */
@Injectable()
export class RateLimits {
  private readonly logger = new Logger('RateLimits');
  private readonly limiters = new Map<RatePolicyName, RateLimiterAbstract>();
  private readonly policies: Record<RatePolicyName, RatePolicy>;

  constructor(@InjectConfig() config: AppConfig, @Inject(REDIS) redis: RedisClient) {
    this.policies = ratePolicies(config);
    for (const [name, policy] of Object.entries(this.policies)) {
      const options = {
        keyPrefix: `rl:${name}`,
        points: policy.points,
        duration: policy.durationMs / 1000,
      };
      const memory = new RateLimiterMemory(options);
      const limiter = redis
        ? new RateLimiterRedis({
            ...options,
            storeClient: redis,
            useRedisPackage: true,
            insuranceLimiter: memory,
          })
        : memory;
      this.limiters.set(name as RatePolicyName, limiter);
    }
  }

  /**
   * Counts one call (or `points`, e.g. bytes); over the limit it throws RATE_LIMITED with
   * `details.retryAfterMs`.
   */
  async consume(policy: RatePolicyName, key: string, points = 1): Promise<void> {
    const refusal = await this.take(policy, key, points);
    if (refusal !== null) {
      // A refused amount was not used: it must not shrink what is left for a smaller one.
      if (points > 1)
        await this.limiters
          .get(policy)!
          .reward(key, points)
          .catch(() => undefined);
      throw new AppError('RATE_LIMITED', this.policies[policy].message, {
        retryAfterMs: refusal,
      });
    }
  }

  /** Throws RATE_LIMITED when nothing is left of the limit, without counting anything. */
  async assertNotExhausted(policy: RatePolicyName, key: string): Promise<void> {
    const state = await this.limiters
      .get(policy)!
      .get(key)
      .catch(() => null);
    if (state && state.remainingPoints <= 0) {
      throw new AppError('RATE_LIMITED', this.policies[policy].message, {
        retryAfterMs: Math.max(0, Math.ceil(state.msBeforeNext)),
      });
    }
  }

  /** Counts one call; false when over the limit (for calls that are dropped, not refused). */
  async allows(policy: RatePolicyName, key: string): Promise<boolean> {
    return (await this.take(policy, key)) === null;
  }

  /** Null when allowed, else the milliseconds until the next call would be. */
  private async take(policy: RatePolicyName, key: string, points = 1): Promise<number | null> {
    try {
      await this.limiters.get(policy)!.consume(key, points);
      return null;
    } catch (error) {
      if (error instanceof RateLimiterRes) return Math.max(0, Math.ceil(error.msBeforeNext));
      // Only a store failure the insurance limiter could not absorb gets here: let it through.
      this.logger.warn(`Rate limit ${policy} not checked: ${(error as Error).message}`);
      return null;
    }
  }
}
