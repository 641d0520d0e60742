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
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Valid } from '../../../common/http/zod-validation.pipe.js';
import { ApiContract } from '../../../common/openapi/api-contract.decorator.js';
import {
  CurrentPrincipal,
  CurrentUserId,
  Public,
} from '../../../common/access/access.decorators.js';
import type { MaybePrincipal } from '../../../common/access/principal.js';
import { RoomsService } from './rooms.service.js';

@ApiTags('rooms')
@ApiBearerAuth()
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
    errors: [400],
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
    response: conversationSchema,
    status: 201,
    errors: [401, 403, 409],
  })
  create(@CurrentUserId() userId: string, @Body(Valid(createRoomBodySchema)) body: CreateRoomBody) {
    return this.rooms.create(userId, body);
  }

  @Get(':slug')
  @ApiContract({
    summary: 'A room with its members',
    response: roomDetailsSchema,
    errors: [401, 403, 404],
  })
  details(@Param(Valid(slugParamSchema)) params: { slug: string }) {
    return this.rooms.details(params.slug);
  }

  @Post(':slug/join')
  @ApiContract({ summary: 'Join a room', response: membershipSchema, errors: [401, 403, 404] })
  join(@CurrentUserId() userId: string, @Param(Valid(slugParamSchema)) params: { slug: string }) {
    return this.rooms.join(userId, params.slug);
  }

  @Delete(':slug')
  @ApiContract({
    summary: 'Delete a room with its history (its owner only)',
    errors: [401, 403, 404],
  })
  remove(@CurrentUserId() userId: string, @Param(Valid(slugParamSchema)) params: { slug: string }) {
    return this.rooms.delete(userId, params.slug);
  }

  @Delete(':slug/members/me')
  @ApiContract({ summary: 'Leave a room', errors: [401, 403, 404] })
  leave(@CurrentUserId() userId: string, @Param(Valid(slugParamSchema)) params: { slug: string }) {
    return this.rooms.leave(userId, params.slug);
  }
}
