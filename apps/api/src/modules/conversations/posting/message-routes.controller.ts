import {
  editMessageBodySchema,
  messageIdParamSchema,
  messageSchema,
  reactionParamsSchema,
  type EditMessageBody,
} from '@chat/contracts';
import { Body, Controller, Delete, Param, Patch, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, GuestsAllowed } from '../../../common/access/access.decorators.js';
import type { MaybePrincipal } from '../../../common/access/principal.js';
import { Valid } from '../../../common/http/zod-validation.pipe.js';
import { ApiContract } from '../../../common/openapi/api-contract.decorator.js';
import {
  editMessageBodyExample,
  messageExample,
  pinnedMessageExample,
} from '../../../common/openapi/examples.js';
import { MessageChanging } from './message-changing.service.js';

const CHANGE_ERRORS = ['FORBIDDEN', 'NOT_FOUND', 'RATE_LIMITED'] as const;

/**
 * The REST twins of `message:edit`, `message:delete`, `reaction:add/remove` and `message:pin`: each answers
 * the changed message, which also reaches the conversation's subscribers as `message:updated`.
 */
@ApiTags('messages')
@GuestsAllowed()
@Controller('messages/:id')
export class MessageRoutesController {
  constructor(private readonly changing: MessageChanging) {}

  @Patch()
  @ApiContract({
    summary: 'Edit a message: its sender only, not a deleted, system or game message',
    params: messageIdParamSchema,
    body: editMessageBodySchema,
    bodyExample: editMessageBodyExample,
    response: messageSchema,
    example: messageExample,
    errors: ['VALIDATION', ...CHANGE_ERRORS],
  })
  edit(
    @CurrentPrincipal() principal: MaybePrincipal,
    @Param(Valid(messageIdParamSchema)) params: { id: string },
    @Body(Valid(editMessageBodySchema)) body: EditMessageBody,
  ) {
    return this.changing.edit(principal, params.id, body.body);
  }

  @Delete()
  @ApiContract({
    summary:
      'Delete a message (its sender, or a moderator or the owner of the room); answers the tombstone',
    params: messageIdParamSchema,
    response: messageSchema,
    example: { ...messageExample, body: '', deletedAt: '2026-12-03T10:04:00.000Z', reactions: [] },
    errors: [...CHANGE_ERRORS],
  })
  remove(
    @CurrentPrincipal() principal: MaybePrincipal,
    @Param(Valid(messageIdParamSchema)) params: { id: string },
  ) {
    return this.changing.remove(principal, params.id);
  }

  @Put('pin')
  @ApiContract({
    summary: 'Pin a message (pinning it twice changes nothing)',
    description:
      'Rooms: moderators and the owner; threads and groups: any participant; general: nobody. A pin is a change: a new `rev` and `message:updated`.',
    params: messageIdParamSchema,
    response: messageSchema,
    example: pinnedMessageExample,
    errors: ['VALIDATION', ...CHANGE_ERRORS],
  })
  pin(
    @CurrentPrincipal() principal: MaybePrincipal,
    @Param(Valid(messageIdParamSchema)) params: { id: string },
  ) {
    return this.changing.pin(principal, params.id, true);
  }

  @Delete('pin')
  @ApiContract({
    summary: 'Unpin a message (the same people as pinning)',
    params: messageIdParamSchema,
    response: messageSchema,
    example: messageExample,
    errors: ['VALIDATION', ...CHANGE_ERRORS],
  })
  unpin(
    @CurrentPrincipal() principal: MaybePrincipal,
    @Param(Valid(messageIdParamSchema)) params: { id: string },
  ) {
    return this.changing.pin(principal, params.id, false);
  }

  @Put('reactions/:emoji')
  @ApiContract({
    summary: 'React with one emoji (adding it twice changes nothing)',
    description: 'At most 20 different emoji per message: a 21st is a CONFLICT.',
    params: reactionParamsSchema,
    response: messageSchema,
    example: messageExample,
    errors: ['VALIDATION', 'CONFLICT', ...CHANGE_ERRORS],
  })
  addReaction(
    @CurrentPrincipal() principal: MaybePrincipal,
    @Param(Valid(reactionParamsSchema)) params: { id: string; emoji: string },
  ) {
    return this.changing.react(principal, params.id, params.emoji, true);
  }

  @Delete('reactions/:emoji')
  @ApiContract({
    summary: 'Take back a reaction (one that is not there changes nothing)',
    params: reactionParamsSchema,
    response: messageSchema,
    example: messageExample,
    errors: ['VALIDATION', ...CHANGE_ERRORS],
  })
  removeReaction(
    @CurrentPrincipal() principal: MaybePrincipal,
    @Param(Valid(reactionParamsSchema)) params: { id: string; emoji: string },
  ) {
    return this.changing.react(principal, params.id, params.emoji, false);
  }
}
