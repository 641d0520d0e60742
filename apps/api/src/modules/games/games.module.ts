import { Module } from '@nestjs/common';
import { ConversationsModule } from '../conversations/index.js';
import { MessagesModule } from '../messages/index.js';
import { UsersModule } from '../users/index.js';
import { GameScheduler } from './game-scheduler.js';
import { GamesController } from './games.controller.js';
import { GamesService } from './games.service.js';

/**
 * Tic-tac-toe inside conversations: the rules (from @chat/contracts), who may move, and the
 * scheduler that makes the AI's moves on exactly one process. It owns no table: a game is a
 * message, stored and changed through the messages module.
 */
@Module({
  imports: [ConversationsModule, MessagesModule, UsersModule],
  controllers: [GamesController],
  providers: [GamesService, GameScheduler],
  exports: [GamesService],
})
export class GamesModule {}
