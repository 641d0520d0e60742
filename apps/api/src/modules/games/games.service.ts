import type { Message, SeatChoice } from '@chat/contracts';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { MaybePrincipal, Principal } from '../../common/access/principal.js';
import { unauthorized } from '../../common/errors/app-error.js';
import { RateLimits } from '../../common/rate-limit/rate-limits.service.js';
import { InjectConfig, type AppConfig } from '../../config/app-config.js';
import { MessageChanging, MessagePosting } from '../conversations/index.js';
import { MessagesService, type Written } from '../messages/index.js';
import { UsersService } from '../users/index.js';
import { GameScheduler } from './game-scheduler.js';
import { describeGame, newGame, personMove, serverMoveDelay, type Player } from './game-rules.js';

export interface GameStart {
  conversationId: string;
  x: SeatChoice;
  o: SeatChoice;
  clientMsgId?: string;
  /** The connection that asked: it has the ack, so the fan-out skips it. */
  originSocketId?: string;
}

/**
 * Tic-tac-toe in a conversation, for sockets and REST alike. A game is a `kind: 'game'` message
 * posted like any other (same access rules and fan-out); each move is a change of it (a new
 * rev, `message:updated`). The AI answers a person as the next change, right after theirs.
 */
@Injectable()
export class GamesService {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly posting: MessagePosting,
    private readonly changing: MessageChanging,
    private readonly messages: MessagesService,
    private readonly users: UsersService,
    private readonly limits: RateLimits,
    private readonly scheduler: GameScheduler,
  ) {}

  /** A new game message (201), or the one this clientMsgId already started (a retry). */
  async start(principal: MaybePrincipal, input: GameStart): Promise<Written> {
    const actor = await this.limited(principal, 'gameStart');
    const state = newGame(input.x, input.o, await this.playerOf(actor));
    const serverMoveInMs = serverMoveDelay(state, this.config.GAME_AI_MOVE_MS);
    const written = await this.posting.send(actor, {
      conversationId: input.conversationId,
      clientMsgId: input.clientMsgId ?? randomUUID(),
      body: describeGame(state),
      kind: 'game',
      game: { state, serverMoveInMs },
      originSocketId: input.originSocketId,
    });
    if (written.created && serverMoveInMs !== null)
      this.scheduler.expect(written.message.id, serverMoveInMs);
    return written;
  }

  /** The caller's mark on `cell`; the AI's answer, if it is to move, follows as its own change. */
  async move(
    principal: MaybePrincipal,
    messageId: string,
    cell: number,
    originSocketId?: string,
  ): Promise<Message> {
    const actor = await this.limited(principal, 'gameMove');
    const delivery = await this.changing.deliveryForChange(actor, messageId, originSocketId);
    const player = await this.playerOf(actor);
    let serverMoveInMs: number | null = null;
    const message = await this.messages.moveGame(
      messageId,
      (game) => {
        const state = personMove(game, player, cell);
        serverMoveInMs = serverMoveDelay(state, this.config.GAME_AI_MOVE_MS);
        return { state, serverMoveInMs };
      },
      delivery,
    );
    if (serverMoveInMs !== null) this.scheduler.expect(messageId, serverMoveInMs);
    return message;
  }

  private async limited(
    principal: MaybePrincipal,
    policy: 'gameStart' | 'gameMove',
  ): Promise<Principal> {
    if (!principal) throw unauthorized('Sign in or continue as a guest to play');
    await this.limits.consume(policy, principal.id);
    return principal;
  }

  /** The name a seat shows: a user's display name now, a guest's nickname. */
  private async playerOf(actor: Principal): Promise<Player> {
    if (actor.kind === 'guest') return { id: actor.id, name: actor.name };
    const found = await this.users.findPresenceUsers([actor.id]);
    return { id: actor.id, name: found.get(actor.id)?.displayName ?? 'unknown' };
  }
}
