import {
  changesQuerySchema,
  conversationIdParamSchema,
  historyQuerySchema,
  messagePageSchema,
  messageSchema,
  pinnedListSchema,
  readBodySchema,
  sendMessageBodySchema,
  type ChangesQuery,
  type HistoryQuery,
  type ReadBody,
  type SendMessageBody,
} from '@chat/contracts';
import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Valid } from '../../common/http/zod-validation.pipe.js';
import { ApiContract } from '../../common/openapi/api-contract.decorator.js';
import {
  messageExample,
  messagePageExample,
  pinnedListExample,
  readBodyExample,
  sendMessageBodyExample,
} from '../../common/openapi/examples.js';
import { CurrentPrincipal, GuestsAllowed, Public } from '../../common/access/access.decorators.js';
import type { MaybePrincipal } from '../../common/access/principal.js';
import { ConversationReading } from './conversation-reading.service.js';
import { MessagePosting } from './posting/message-posting.service.js';

@ApiTags('conversations')
@Controller('conversations/:id')
export class ConversationRoutesController {
  constructor(
    private readonly reading: ConversationReading,
    private readonly posting: MessagePosting,
  ) {}

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

  @Get('changes')
  @Public()
  @ApiContract({
    summary: 'Every change after a counter value: new, edited, deleted and reacted-to messages',
    description:
      'Each message appears once, in its current state, ascending by `rev` (a deleted one as its tombstone). A client that holds everything up to N and applies these, then the next page while `hasMore`, holds what the server holds. Who may read is as for history.',
    params: conversationIdParamSchema,
    query: changesQuerySchema,
    response: messagePageSchema,
    example: messagePageExample,
    errors: ['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'],
  })
  changes(
    @CurrentPrincipal() principal: MaybePrincipal,
    @Param(Valid(conversationIdParamSchema)) params: { id: string },
    @Query(Valid(changesQuerySchema)) query: ChangesQuery,
  ) {
    return this.reading.changes(principal, params.id, query);
  }

  @Post('messages')
  @GuestsAllowed()
  @ApiContract({
    summary: 'Post a message (201), or get the one this clientMsgId already posted (200)',
    description:
      'The REST twin of `message:send`, for scripts and bots: the same rules, limits and fan-out. A retry with the same `clientMsgId` answers the stored message and posts nothing.',
    params: conversationIdParamSchema,
    body: sendMessageBodySchema,
    bodyExample: sendMessageBodyExample,
    response: messageSchema,
    example: messageExample,
    status: 201,
    alsoAnswers: { 200: { description: 'A retry: the message this clientMsgId already posted' } },
    errors: ['VALIDATION', 'FORBIDDEN', 'NOT_FOUND', 'RATE_LIMITED'],
  })
  async send(
    @CurrentPrincipal() principal: MaybePrincipal,
    @Param(Valid(conversationIdParamSchema)) params: { id: string },
    @Body(Valid(sendMessageBodySchema)) body: SendMessageBody,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { message, created } = await this.posting.sendAsPerson(principal, {
      conversationId: params.id,
      ...body,
    });
    response.status(created ? 201 : 200);
    return message;
  }

  @Get('pins')
  @Public()
  @ApiContract({
    summary: 'The pinned messages, the newest pin first (at most 100)',
    description: 'Who may read is as for history.',
    params: conversationIdParamSchema,
    response: pinnedListSchema,
    example: pinnedListExample,
    errors: ['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'],
  })
  async pins(
    @CurrentPrincipal() principal: MaybePrincipal,
    @Param(Valid(conversationIdParamSchema)) params: { id: string },
  ) {
    return { items: await this.reading.pins(principal, params.id) };
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
