import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PresenceModule } from '../presence/index.js';
import { UserEntity } from './user.entity.js';
import { UserDirectory } from './user-directory.service.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity]), PresenceModule],
  controllers: [UsersController],
  providers: [UsersService, UserDirectory],
  exports: [UsersService],
})
export class UsersModule {}
