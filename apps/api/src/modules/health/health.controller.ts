import { healthSchema } from '@chat/contracts';
import { Controller, Get, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import type { Response } from 'express';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { ApiContract } from '../../common/openapi/api-contract.decorator.js';
import { healthDownExample, healthExample } from '../../common/openapi/examples.js';
import { Public } from '../../common/access/access.decorators.js';
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
  // Terminus documents its own health shape; the contract's (below) is the one we answer.
  @HealthCheck({ swaggerDocumentation: false })
  @ApiContract({
    summary: 'Database (and Redis, when configured) health',
    response: healthSchema,
    example: healthExample,
    alsoAnswers: {
      503: {
        description: 'A check is down: the same body, the failing check under `error`',
        example: healthDownExample,
      },
    },
  })
  async check(@Res({ passthrough: true }) response: Response) {
    try {
      return await this.health.check([
        () => this.db.pingCheck('database', { timeout: 2000 }),
        ...(this.redis ? [() => this.checkRedis()] : []),
      ]);
    } catch (error) {
      // Terminus reports a failing check as a 503 carrying the health body: answer with it.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      response.status(503);
      return error.getResponse();
    }
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
