import {
  conversationIdParamSchema,
  historyQuerySchema,
  messagePageSchema,
  readBodySchema,
  type HistoryQuery,
  type ReadBody,
} from '@chat/contracts';
import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Valid } from '../../common/http/zod-validation.pipe.js';
import { ApiContract } from '../../common/openapi/api-contract.decorator.js';
import { messagePageExample, readBodyExample } from '../../common/openapi/examples.js';
import { CurrentPrincipal, Public } from '../../common/access/access.decorators.js';
import type { MaybePrincipal } from '../../common/access/principal.js';
import { ConversationReading } from './conversation-reading.service.js';

@ApiTags('conversations')
@Controller('conversations/:id')
export class ConversationRoutesController {
  constructor(private readonly reading: ConversationReading) {}

  @Get('messages')
  @Public() // general's history is public; the service checks everything else
  @ApiContract({
    summary: 'History, oldest first: the newest page, or the page before/after a seq',
    description:
      'General is public; a room needs membership (a visitor gets 401, a guest or non-member 403); a thread exists only for its two participants (404 to anyone else).',
    params: conversationIdParamSchema,
    query: historyQuerySchema,
    response: messagePageSchema,
    example: messagePageExample,
    errors: ['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'],
  })
  history(
    @CurrentPrincipal() principal: MaybePrincipal,
    @Param(Valid(conversationIdParamSchema)) params: { id: string },
    @Query(Valid(historyQuerySchema)) query: HistoryQuery,
  ) {
    return this.reading.history(principal, params.id, query);
  }

  @Post('read')
  @ApiContract({
    summary: 'Mark everything up to `seq` as read',
    params: conversationIdParamSchema,
    body: readBodySchema,
    bodyExample: readBodyExample,
    errors: ['NOT_FOUND'],
  })
  read(
    @CurrentPrincipal() principal: MaybePrincipal,
    @Param(Valid(conversationIdParamSchema)) params: { id: string },
    @Body(Valid(readBodySchema)) body: ReadBody,
  ) {
    return this.reading.markRead(principal, params.id, body.seq);
  }
}
