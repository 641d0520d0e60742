import {
  listUsersQuerySchema,
  ownProfileSchema,
  publicUserSchema,
  updateProfileBodySchema,
  userPageSchema,
  usernameParamSchema,
  type ListUsersQuery,
  type UpdateProfileBody,
} from '@chat/contracts';
import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Valid } from '../../common/http/zod-validation.pipe.js';
import { ApiContract } from '../../common/openapi/api-contract.decorator.js';
import {
  ownProfileExample,
  publicUserExample,
  updateProfileBodyExample,
  userPageExample,
} from '../../common/openapi/examples.js';
import { CurrentUserId, Public } from '../../common/access/access.decorators.js';
import { UserDirectory } from './user-directory.service.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly directory: UserDirectory,
  ) {}

  @Get()
  @Public()
  @ApiContract({
    summary:
      'The user directory: online first, then by name; `q` searches username and display name',
    query: listUsersQuerySchema,
    response: userPageSchema,
    example: userPageExample,
  })
  list(@Query(Valid(listUsersQuerySchema)) query: ListUsersQuery) {
    return this.directory.list(query);
  }

  @Get('me')
  @ApiContract({
    summary: 'My own profile',
    response: ownProfileSchema,
    example: ownProfileExample,
  })
  me(@CurrentUserId() userId: string) {
    return this.users.getOwnProfile(userId);
  }

  @Patch('me')
  @ApiContract({
    summary: 'Edit my profile',
    body: updateProfileBodySchema,
    bodyExample: updateProfileBodyExample,
    response: ownProfileSchema,
    example: ownProfileExample,
    errors: ['RATE_LIMITED'],
  })
  updateMe(
    @CurrentUserId() userId: string,
    @Body(Valid(updateProfileBodySchema)) body: UpdateProfileBody,
  ) {
    return this.users.updateProfile(userId, body);
  }

  @Get(':username')
  @Public()
  @ApiContract({
    summary: 'A public profile',
    params: usernameParamSchema,
    response: publicUserSchema,
    example: publicUserExample,
    errors: ['NOT_FOUND'],
  })
  byUsername(@Param(Valid(usernameParamSchema)) params: { username: string }) {
    return this.users.getPublicByUsername(params.username);
  }
}
