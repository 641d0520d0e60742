import {
  addGroupMemberBodySchema,
  conversationIdParamSchema,
  conversationSchema,
  createGroupBodySchema,
  renameGroupBodySchema,
  type AddGroupMemberBody,
  type CreateGroupBody,
  type RenameGroupBody,
} from '@chat/contracts';
import { Body, Controller, Delete, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUserId } from '../../../common/access/access.decorators.js';
import { Valid } from '../../../common/http/zod-validation.pipe.js';
import { ApiContract } from '../../../common/openapi/api-contract.decorator.js';
import {
  addGroupMemberBodyExample,
  createGroupBodyExample,
  groupExample,
  renameGroupBodyExample,
} from '../../../common/openapi/examples.js';
import { GroupsService } from './groups.service.js';

/** Private group conversations of 3–50 people; to outsiders a group does not exist (404). */
@ApiTags('groups')
@Controller('groups')
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @Post()
  @ApiContract({
    summary: 'Start a group with 2–49 other people',
    body: createGroupBodySchema,
    bodyExample: createGroupBodyExample,
    response: conversationSchema,
    example: groupExample,
    status: 201,
    errors: ['VALIDATION', 'NOT_FOUND', 'RATE_LIMITED'],
  })
  create(
    @CurrentUserId() userId: string,
    @Body(Valid(createGroupBodySchema)) body: CreateGroupBody,
  ) {
    return this.groups.create(userId, body);
  }

  @Post(':id/members')
  @ApiContract({
    summary: 'Add someone to a group (any member; adding a member twice changes nothing)',
    params: conversationIdParamSchema,
    body: addGroupMemberBodySchema,
    bodyExample: addGroupMemberBodyExample,
    response: conversationSchema,
    example: groupExample,
    status: 200,
    errors: ['VALIDATION', 'CONFLICT', 'NOT_FOUND', 'RATE_LIMITED'],
  })
  add(
    @CurrentUserId() userId: string,
    @Param(Valid(conversationIdParamSchema)) params: { id: string },
    @Body(Valid(addGroupMemberBodySchema)) body: AddGroupMemberBody,
  ) {
    return this.groups.add(userId, params.id, body.userId);
  }

  @Delete(':id/members/me')
  @ApiContract({
    summary: 'Leave a group (the last one out deletes it with its history)',
    params: conversationIdParamSchema,
    errors: ['VALIDATION', 'NOT_FOUND', 'RATE_LIMITED'],
  })
  leave(
    @CurrentUserId() userId: string,
    @Param(Valid(conversationIdParamSchema)) params: { id: string },
  ) {
    return this.groups.leave(userId, params.id);
  }

  @Patch(':id')
  @ApiContract({
    summary: 'Rename a group (any member)',
    params: conversationIdParamSchema,
    body: renameGroupBodySchema,
    bodyExample: renameGroupBodyExample,
    response: conversationSchema,
    example: groupExample,
    errors: ['VALIDATION', 'NOT_FOUND', 'RATE_LIMITED'],
  })
  rename(
    @CurrentUserId() userId: string,
    @Param(Valid(conversationIdParamSchema)) params: { id: string },
    @Body(Valid(renameGroupBodySchema)) body: RenameGroupBody,
  ) {
    return this.groups.rename(userId, params.id, body.name);
  }
}
