import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InjectConfig, type AppConfig } from '../../config/app-config.js';
import { MessagePosting } from '../conversations/index.js';
import { MessagesService } from '../messages/index.js';
import { aiMove, serverMoveDelay } from './game-rules.js';

/** Due moves one poll makes at most, so one poll cannot hold the process for long. */
const MOVES_PER_POLL = 50;

/**
 * Makes the AI's moves. The database says which are due (`game_next_move_at`), so any process
 * can make any move and a crash loses none. The process that made (or saw asked for) a move
 * sets a timer for the next one, so a game it plays keeps its pace to the millisecond; every
 * process also polls every GAME_AI_MOVE_MS for moves overdue by one interval (the timer's
 * process died or is stuck), so the poll is a backstop and does not race the timer. The claim
 * (messages module, `playDueGame`) makes sure nobody makes a move twice.
 */
@Injectable()
export class GameScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('GameScheduler');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<Promise<unknown>>();
  private poller: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly messages: MessagesService,
    private readonly posting: MessagePosting,
  ) {}

  onApplicationBootstrap(): void {
    this.schedulePoll();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.poller) clearTimeout(this.poller);
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }

  /** The AI is due in the game of `messageId` in `inMs`: try it then (the poll is the backstop). */
  expect(messageId: string, inMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timers.get(messageId));
    this.timers.set(
      messageId,
      setTimeout(() => {
        this.timers.delete(messageId);
        void this.track(this.playOne({ messageId }));
      }, inMs),
    );
  }

  private schedulePoll(): void {
    if (this.stopped) return;
    this.poller = setTimeout(() => {
      void this.track(this.poll()).finally(() => this.schedulePoll());
    }, this.config.GAME_AI_MOVE_MS);
  }

  private async poll(): Promise<void> {
    const overdue = { overdueMs: this.config.GAME_AI_MOVE_MS };
    for (let i = 0; i < MOVES_PER_POLL && !this.stopped; i++) {
      if (!(await this.playOne(overdue))) return;
    }
  }

  /** Makes one due AI move (of that message, or of any overdue game); false when none was. */
  private async playOne(due: { messageId: string } | { overdueMs: number }): Promise<boolean> {
    try {
      let next: number | null = null;
      const moved = await this.messages.playDueGame(
        (game) => {
          const state = aiMove(game);
          if (!state) return null;
          next = serverMoveDelay(state, this.config.GAME_AI_MOVE_MS);
          return { state, serverMoveInMs: next };
        },
        (conversationId) => this.posting.deliveryFor(conversationId),
        due,
      );
      // Which process made which move: what an operator (and the cluster test) reads.
      if (moved) this.logger.debug(`AI moved in game ${moved.id}, rev ${moved.rev}`);
      if (moved && next !== null) this.expect(moved.id, next);
      return moved !== null;
    } catch (error) {
      // The move stays due in the database: the next poll, here or elsewhere, retries it.
      this.logger.warn(`AI move failed: ${(error as Error).message}`);
      return false;
    }
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    return work.finally(() => this.running.delete(work));
  }
}
