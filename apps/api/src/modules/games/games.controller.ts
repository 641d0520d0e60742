import {
  conversationIdParamSchema,
  gameMoveBodySchema,
  messageIdParamSchema,
  messageSchema,
  startGameBodySchema,
  type GameMoveBody,
  type StartGameBody,
} from '@chat/contracts';
import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, GuestsAllowed } from '../../common/access/access.decorators.js';
import type { MaybePrincipal } from '../../common/access/principal.js';
import { Valid } from '../../common/http/zod-validation.pipe.js';
import { ApiContract } from '../../common/openapi/api-contract.decorator.js';
import {
  gameMessageExample,
  gameMoveBodyExample,
  startGameBodyExample,
} from '../../common/openapi/examples.js';
import { GamesService } from './games.service.js';

/** The REST twins of `game:start` and `game:move`, for scripts and bots. */
@ApiTags('games')
@GuestsAllowed()
@Controller()
export class GamesController {
  constructor(private readonly games: GamesService) {}

  @Post('conversations/:id/games')
  @ApiContract({
    summary: 'Start a game of tic-tac-toe: a `kind: game` message (201)',
    description:
      'Each seat is `me` (the caller), `ai` (the server plays it perfectly) or `open` (the first other person who moves for it takes it). Posting rules are those of a message; the game reaches the conversation as `message:new`. With both seats `ai` the server plays the game out, a move about every 700 ms.',
    params: conversationIdParamSchema,
    body: startGameBodySchema,
    bodyExample: startGameBodyExample,
    response: messageSchema,
    example: {
      ...gameMessageExample,
      rev: 54,
      game: { ...gameMessageExample.game!, board: '---------' },
    },
    status: 201,
    alsoAnswers: { 200: { description: 'A retry: the game this clientMsgId already started' } },
    errors: ['VALIDATION', 'FORBIDDEN', 'NOT_FOUND', 'RATE_LIMITED'],
  })
  async start(
    @CurrentPrincipal() principal: MaybePrincipal,
    @Param(Valid(conversationIdParamSchema)) params: { id: string },
    @Body(Valid(startGameBodySchema)) body: StartGameBody,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { message, created } = await this.games.start(principal, {
      conversationId: params.id,
      ...body,
    });
    response.status(created ? 201 : 200);
    return message;
  }

  @Post('messages/:id/moves')
  @ApiContract({
    summary: 'Make a move in the game of a message',
    description:
      'Answers the game after the move, a change of the message (new `rev`, `message:updated` to the others). If the AI is to move next it answers as the following change, right after. CONFLICT: the cell is taken, it is not your turn, or the game is over; FORBIDDEN: you are not a player (and no seat is open).',
    params: messageIdParamSchema,
    body: gameMoveBodySchema,
    bodyExample: gameMoveBodyExample,
    response: messageSchema,
    example: gameMessageExample,
    errors: ['VALIDATION', 'CONFLICT', 'FORBIDDEN', 'NOT_FOUND', 'RATE_LIMITED'],
  })
  move(
    @CurrentPrincipal() principal: MaybePrincipal,
    @Param(Valid(messageIdParamSchema)) params: { id: string },
    @Body(Valid(gameMoveBodySchema)) body: GameMoveBody,
  ) {
    return this.games.move(principal, params.id, body.cell);
  }
}
