import {
  openThreadBodySchema,
  threadListSchema,
  threadSchema,
  type OpenThreadBody,
} from '@chat/contracts';
import { Body, Controller, Get, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Valid } from '../../../common/http/zod-validation.pipe.js';
import { ApiContract } from '../../../common/openapi/api-contract.decorator.js';
import {
  openThreadBodyExample,
  threadExample,
  threadListExample,
} from '../../../common/openapi/examples.js';
import { CurrentUserId } from '../../../common/access/access.decorators.js';
import { ThreadsService } from './threads.service.js';

@ApiTags('threads')
@Controller('threads')
export class ThreadsController {
  constructor(private readonly threads: ThreadsService) {}

  @Get()
  @ApiContract({
    summary: 'My private threads, newest activity first',
    response: threadListSchema,
    example: threadListExample,
  })
  async list(@CurrentUserId() userId: string) {
    return { items: await this.threads.list(userId) };
  }

  @Post()
  @ApiContract({
    summary: 'The thread with a user, created if missing (201) or existing (200)',
    body: openThreadBodySchema,
    bodyExample: openThreadBodyExample,
    response: threadSchema,
    example: threadExample,
    status: 200,
    alsoAnswers: { 201: { description: 'Created: the thread is new' } },
    errors: ['NOT_FOUND'],
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
