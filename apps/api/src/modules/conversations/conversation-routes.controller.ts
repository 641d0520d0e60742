import {
  conversationIdParamSchema,
  historyQuerySchema,
  messagePageSchema,
  readBodySchema,
  type HistoryQuery,
  type ReadBody,
} from '@chat/contracts';
import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Valid } from '../../common/http/zod-validation.pipe.js';
import { ApiContract } from '../../common/openapi/api-contract.decorator.js';
import { CurrentPrincipal, Public } from '../../common/access/access.decorators.js';
import type { MaybePrincipal } from '../../common/access/principal.js';
import { ConversationReading } from './conversation-reading.service.js';

@ApiTags('conversations')
@ApiBearerAuth()
@Controller('conversations/:id')
export class ConversationRoutesController {
  constructor(private readonly reading: ConversationReading) {}

  @Get('messages')
  @Public() // general's history is public; the service checks everything else
  @ApiContract({
    summary: 'History, oldest first: the newest page, or the page before/after a seq',
    query: historyQuerySchema,
    response: messagePageSchema,
    errors: [401, 403, 404],
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
    body: readBodySchema,
    errors: [401, 403, 404],
  })
  read(
    @CurrentPrincipal() principal: MaybePrincipal,
    @Param(Valid(conversationIdParamSchema)) params: { id: string },
    @Body(Valid(readBodySchema)) body: ReadBody,
  ) {
    return this.reading.markRead(principal, params.id, body.seq);
  }
}
