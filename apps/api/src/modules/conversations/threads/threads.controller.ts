import {
  openThreadBodySchema,
  threadListSchema,
  threadSchema,
  type OpenThreadBody,
} from '@chat/contracts';
import { Body, Controller, Get, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Valid } from '../../../common/http/zod-validation.pipe.js';
import { ApiContract } from '../../../common/openapi/api-contract.decorator.js';
import { CurrentUserId } from '../../../common/access/access.decorators.js';
import { ThreadsService } from './threads.service.js';

@ApiTags('threads')
@ApiBearerAuth()
@Controller('threads')
export class ThreadsController {
  constructor(private readonly threads: ThreadsService) {}

  @Get()
  @ApiContract({
    summary: 'My private threads, newest activity first',
    response: threadListSchema,
    errors: [401, 403],
  })
  async list(@CurrentUserId() userId: string) {
    return { items: await this.threads.list(userId) };
  }

  @Post()
  @ApiContract({
    summary: 'The thread with a user, created if missing (201) or existing (200)',
    body: openThreadBodySchema,
    response: threadSchema,
    status: 200,
    errors: [401, 403, 404],
  })
  async open(
    @CurrentUserId() userId: string,
    @Body(Valid(openThreadBodySchema)) body: OpenThreadBody,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { thread, created } = await this.threads.open(userId, body.userId);
    response.status(created ? 201 : 200);
    return thread;
  }
}
