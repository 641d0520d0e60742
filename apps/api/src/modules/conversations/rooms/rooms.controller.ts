import {
  conversationListSchema,
  conversationSchema,
  createRoomBodySchema,
  membershipSchema,
  roomDetailsSchema,
  slugParamSchema,
  type CreateRoomBody,
} from '@chat/contracts';
import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
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
    summary: 'General and every room, with member and online counts',
    response: conversationListSchema,
    example: conversationListExample,
  })
  async list(@CurrentPrincipal() viewer: MaybePrincipal) {
    return { items: await this.rooms.list(viewer) };
  }

  @Post()
  @ApiContract({
    summary: 'Create a room; the slug is the name lower-cased with other characters as "-"',
    body: createRoomBodySchema,
    bodyExample: createRoomBodyExample,
    response: conversationSchema,
    example: roomExample,
    status: 201,
    errors: ['SLUG_TAKEN'],
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
  details(@Param(Valid(slugParamSchema)) params: { slug: string }) {
    return this.rooms.details(params.slug);
  }

  @Post(':slug/join')
  @ApiContract({
    summary: 'Join a room',
    params: slugParamSchema,
    response: membershipSchema,
    example: membershipExample,
    errors: ['NOT_FOUND'],
  })
  join(@CurrentUserId() userId: string, @Param(Valid(slugParamSchema)) params: { slug: string }) {
    return this.rooms.join(userId, params.slug);
  }

  @Delete(':slug/members/me')
  @ApiContract({ summary: 'Leave a room', params: slugParamSchema, errors: ['NOT_FOUND'] })
  leave(@CurrentUserId() userId: string, @Param(Valid(slugParamSchema)) params: { slug: string }) {
    return this.rooms.leave(userId, params.slug);
  }
}
