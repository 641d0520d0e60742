import {
  conversationListSchema,
  listRoomsQuerySchema,
  conversationSchema,
  createRoomBodySchema,
  membershipSchema,
  roomDetailsSchema,
  slugParamSchema,
  type CreateRoomBody,
  type ListRoomsQuery,
} from '@chat/contracts';
import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Valid } from '../../../common/http/zod-validation.pipe.js';
import { ApiContract } from '../../../common/openapi/api-contract.decorator.js';
import {
  conversationListExample,
  createRoomBodyExample,
  membershipExample,
  roomDetailsExample,
  roomExample,
} from '../../../common/openapi/examples.js';
import {
  CurrentPrincipal,
  CurrentUserId,
  Public,
} from '../../../common/access/access.decorators.js';
import type { MaybePrincipal } from '../../../common/access/principal.js';
import { RoomsService } from './rooms.service.js';

@ApiTags('rooms')
@Controller('rooms')
export class RoomsController {
  constructor(private readonly rooms: RoomsService) {}

  @Get()
  @Public()
  @ApiContract({
    summary:
      'A page of rooms with member and online counts, general first; `q` searches names, `sort` is by activity or name',
    query: listRoomsQuerySchema,
    response: conversationListSchema,
    example: conversationListExample,
    errors: ['UNAUTHORIZED'], // mine=true without a signed-in user
  })
  list(
    @CurrentPrincipal() viewer: MaybePrincipal,
    @Query(Valid(listRoomsQuerySchema)) query: ListRoomsQuery,
  ) {
    return this.rooms.list(viewer, query);
  }

  @Post()
  @ApiContract({
    summary: 'Create a room; the slug is the name lower-cased with other characters as "-"',
    body: createRoomBodySchema,
    bodyExample: createRoomBodyExample,
    response: conversationSchema,
    example: roomExample,
    status: 201,
    errors: ['SLUG_TAKEN', 'RATE_LIMITED'],
  })
  create(@CurrentUserId() userId: string, @Body(Valid(createRoomBodySchema)) body: CreateRoomBody) {
    return this.rooms.create(userId, body);
  }

  @Get(':slug')
  @ApiContract({
    summary: 'A room with its members',
    params: slugParamSchema,
    response: roomDetailsSchema,
    example: roomDetailsExample,
    errors: ['NOT_FOUND'],
  })
  details(
    @CurrentUserId() userId: string,
    @Param(Valid(slugParamSchema)) params: { slug: string },
  ) {
    return this.rooms.details(params.slug, userId);
  }

  @Post(':slug/join')
  @ApiContract({
    summary: 'Join a room (a banned user is FORBIDDEN)',
    params: slugParamSchema,
    response: membershipSchema,
    example: membershipExample,
    errors: ['FORBIDDEN', 'NOT_FOUND', 'RATE_LIMITED'],
  })
  join(@CurrentUserId() userId: string, @Param(Valid(slugParamSchema)) params: { slug: string }) {
    return this.rooms.join(userId, params.slug);
  }

  @Delete(':slug')
  @ApiContract({
    summary: 'Delete a room with its history (its owner only)',
    params: slugParamSchema,
    errors: ['FORBIDDEN', 'NOT_FOUND'],
  })
  remove(@CurrentUserId() userId: string, @Param(Valid(slugParamSchema)) params: { slug: string }) {
    return this.rooms.delete(userId, params.slug);
  }

  @Delete(':slug/members/me')
  @ApiContract({
    summary: 'Leave a room',
    params: slugParamSchema,
    errors: ['NOT_FOUND', 'RATE_LIMITED'],
  })
  leave(@CurrentUserId() userId: string, @Param(Valid(slugParamSchema)) params: { slug: string }) {
    return this.rooms.leave(userId, params.slug);
  }
}
