import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InMemoryPresenceService } from './presence/in-memory-presence.service.js';
import { PresenceService } from './presence/presence.service.js';
import { UserEntity } from './user.entity.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity])],
  controllers: [UsersController],
  providers: [UsersService, { provide: PresenceService, useClass: InMemoryPresenceService }],
  exports: [UsersService, PresenceService],
})
export class UsersModule {}
