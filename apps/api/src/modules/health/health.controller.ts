import { healthSchema } from '@chat/contracts';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { ApiContract } from '../../common/openapi/api-contract.decorator.js';
import { Public } from '../auth/access.decorators.js';
import { REDIS, type RedisClient } from '../../redis/redis.module.js';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS) private readonly redis: RedisClient,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiContract({
    summary: 'Database (and Redis, when configured) health',
    response: healthSchema,
    errors: [503],
  })
  check() {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 2000 }),
      ...(this.redis ? [() => this.checkRedis()] : []),
    ]);
  }

  private async checkRedis() {
    const indicator = this.indicators.check('redis');
    try {
      if (!this.redis?.isReady) return indicator.down({ message: 'not connected' });
      await this.redis.ping();
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
