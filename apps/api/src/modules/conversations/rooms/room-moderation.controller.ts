import {
  conversationSchema,
  membershipSchema,
  roomBanListSchema,
  roomMemberParamsSchema,
  setRoleBodySchema,
  slugParamSchema,
  updateRoomBodySchema,
  type RoomMemberParams,
  type SetRoleBody,
  type UpdateRoomBody,
} from '@chat/contracts';
import { Body, Controller, Delete, Get, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUserId } from '../../../common/access/access.decorators.js';
import { Valid } from '../../../common/http/zod-validation.pipe.js';
import { ApiContract } from '../../../common/openapi/api-contract.decorator.js';
import {
  membershipExample,
  publicUserExample,
  roomExample,
  setRoleBodyExample,
  updateRoomBodyExample,
} from '../../../common/openapi/examples.js';
import { RoomModeration } from './room-moderation.service.js';

const ACTION_ERRORS = ['FORBIDDEN', 'NOT_FOUND', 'RATE_LIMITED'] as const;

/** Running a room: roles (the owner), kicks, bans, name and topic, archiving (moderators). */
@ApiTags('rooms')
@Controller('rooms/:slug')
export class RoomModerationController {
  constructor(private readonly moderation: RoomModeration) {}

  @Patch()
  @ApiContract({
    summary: 'Rename the room (its slug stays) or set its topic: moderators and the owner',
    params: slugParamSchema,
    body: updateRoomBodySchema,
    bodyExample: updateRoomBodyExample,
    response: conversationSchema,
    example: roomExample,
    errors: ['VALIDATION', ...ACTION_ERRORS],
  })
  update(
    @CurrentUserId() userId: string,
    @Param(Valid(slugParamSchema)) params: { slug: string },
    @Body(Valid(updateRoomBodySchema)) body: UpdateRoomBody,
  ) {
    return this.moderation.update(userId, params.slug, body);
  }

  @Post('archive')
  @ApiContract({
    summary: 'Archive the room: read-only for everyone (moderators and the owner)',
    params: slugParamSchema,
    response: conversationSchema,
    example: { ...roomExample, archived: true },
    status: 200,
    errors: [...ACTION_ERRORS],
  })
  archive(
    @CurrentUserId() userId: string,
    @Param(Valid(slugParamSchema)) params: { slug: string },
  ) {
    return this.moderation.archive(userId, params.slug);
  }

  @Delete('archive')
  @ApiContract({
    summary: 'Unarchive the room: writable again (moderators and the owner)',
    params: slugParamSchema,
    response: conversationSchema,
    example: roomExample,
    status: 200,
    errors: [...ACTION_ERRORS],
  })
  unarchive(
    @CurrentUserId() userId: string,
    @Param(Valid(slugParamSchema)) params: { slug: string },
  ) {
    return this.moderation.unarchive(userId, params.slug);
  }

  @Put('members/:userId')
  @ApiContract({
    summary: "Set a member's role (the owner only); `owner` hands the room over",
    description:
      'Handing the room over makes the old owner a moderator. The owner stepping down without a new owner is a CONFLICT.',
    params: roomMemberParamsSchema,
    body: setRoleBodySchema,
    bodyExample: setRoleBodyExample,
    response: membershipSchema,
    example: { ...membershipExample, role: 'moderator' },
    errors: ['VALIDATION', 'CONFLICT', ...ACTION_ERRORS],
  })
  setRole(
    @CurrentUserId() userId: string,
    @Param(Valid(roomMemberParamsSchema)) params: RoomMemberParams,
    @Body(Valid(setRoleBodySchema)) body: SetRoleBody,
  ) {
    return this.moderation.setRole(userId, params.slug, params.userId, body.role);
  }

  @Delete('members/:userId')
  @ApiContract({
    summary: 'Remove a member from the room (moderators: members only; the owner: anyone)',
    params: roomMemberParamsSchema,
    errors: ['VALIDATION', ...ACTION_ERRORS],
  })
  kick(
    @CurrentUserId() userId: string,
    @Param(Valid(roomMemberParamsSchema)) params: RoomMemberParams,
  ) {
    return this.moderation.kick(userId, params.slug, params.userId);
  }

  @Get('bans')
  @ApiContract({
    summary: 'Who is banned from the room, the newest ban first (moderators and the owner)',
    params: slugParamSchema,
    response: roomBanListSchema,
    example: {
      items: [{ user: publicUserExample, bannedAt: '2026-01-05T10:00:00.000Z', bannedBy: null }],
    },
    errors: [...ACTION_ERRORS],
  })
  bans(@CurrentUserId() userId: string, @Param(Valid(slugParamSchema)) params: { slug: string }) {
    return this.moderation.bansOf(userId, params.slug);
  }

  @Put('bans/:userId')
  @ApiContract({
    summary: 'Ban a user: out of the room at once, and unable to rejoin or read it',
    params: roomMemberParamsSchema,
    errors: ['VALIDATION', 'CONFLICT', ...ACTION_ERRORS],
  })
  ban(
    @CurrentUserId() userId: string,
    @Param(Valid(roomMemberParamsSchema)) params: RoomMemberParams,
  ) {
    return this.moderation.ban(userId, params.slug, params.userId);
  }

  @Delete('bans/:userId')
  @ApiContract({
    summary: 'Lift a ban (the user may join again)',
    params: roomMemberParamsSchema,
    errors: ['VALIDATION', ...ACTION_ERRORS],
  })
  unban(
    @CurrentUserId() userId: string,
    @Param(Valid(roomMemberParamsSchema)) params: RoomMemberParams,
  ) {
    return this.moderation.unban(userId, params.slug, params.userId);
  }
}
