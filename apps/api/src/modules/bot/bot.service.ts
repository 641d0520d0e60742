import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../common/errors/app-error.js';
import { InjectConfig, type AppConfig } from '../../config/app-config.js';
import { ConversationReading, MessagePosting, RoomsService } from '../conversations/index.js';
import { MessagesService } from '../messages/index.js';
import { PresenceService } from '../presence/index.js';
import { UsersService } from '../users/index.js';
import { BotLeadership } from './bot-leadership.js';
import { demoPersona } from './demo-personas.js';
import { PhrasePicker } from './phrase-picker.js';

/** How often a process that is not the bot's leader asks for the lock again. */
const LEADER_RETRY_MS = 2000;

/**
 * Keeps general lively: every BOT_INTERVAL_MS ± 50 % a random author "says" a phrase, stored and
 * fanned out exactly like a person's message but marked `viaBot`. Runs only on the leader
 * process, and only while someone is connected.
 */
@Injectable()
export class BotService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Bot');
  private readonly phrases = new PhrasePicker();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;
  private seeded = false;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly leadership: BotLeadership,
    private readonly users: UsersService,
    private readonly reading: ConversationReading,
    private readonly rooms: RoomsService,
    private readonly posting: MessagePosting,
    private readonly messages: MessagesService,
    private readonly presence: PresenceService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.BOT_ENABLED) this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().then((next) => this.schedule(next));
    }, delayMs);
  }

  /** One step of the loop; returns how long to wait before the next. */
  private async tick(): Promise<number> {
    try {
      if (!(await this.leadership.tryLead())) return LEADER_RETRY_MS;
      if (!this.seeded) {
        await this.seedDemoUsers();
        this.seeded = true;
      }
      // An unused install should not grow its database.
      if ((await this.presence.socketCount()) > 0) await this.postOne();
    } catch (error) {
      this.logger.warn(`Bot step failed: ${(error as Error).message}`);
    }
    const interval = this.config.BOT_INTERVAL_MS;
    return interval * (0.5 + Math.random()); // ± 50 % jitter
  }

  /** Tops the demo users up to BOT_SEED_USERS; a restart adds none. */
  private async seedDemoUsers(): Promise<void> {
    let missing = this.config.BOT_SEED_USERS - (await this.users.countDemoUsers());
    for (let index = 0; missing > 0 && index < this.config.BOT_SEED_USERS * 4; index++) {
      const persona = demoPersona(index);
      try {
        // No password hash: nobody can sign in as a demo user.
        await this.users.create({ ...persona, passwordHash: null, isDemo: true });
        missing--;
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
      }
    }
  }

  /**
   * Who may speak: demo users by default. With BOT_AUTHORS=everyone anyone who has not opted
   * out, but never someone online now, who would watch "themselves" talk.
   */
  private async speakers(): Promise<Array<{ id: string; displayName: string }>> {
    const authors = this.config.BOT_AUTHORS;
    const online = authors === 'everyone' ? await this.presence.onlineUserIds() : [];
    return this.users.pickBotAuthors(6, authors, online);
  }

  private async postOne(): Promise<void> {
    const [generalId, speakers, rooms] = await Promise.all([
      this.reading.generalId(),
      this.speakers(),
      this.rooms.activeSlugs(20),
    ]);
    const [speaker, ...others] = speakers;
    if (!speaker) return;
    const previous = (await this.messages.before(generalId, null, 1)).items[0];
    const body = this.phrases.pick({
      otherUsers: others.map((user) => user.displayName),
      rooms,
      previousAuthor: previous && previous.sender.id !== speaker.id ? previous.sender.name : null,
      now: new Date(),
    });
    await this.posting.send(
      { kind: 'user', id: speaker.id },
      { conversationId: generalId, clientMsgId: randomUUID(), body, viaBot: true },
    );
    // A demo user who talks is active: the directory lists them above the quiet ones.
    await this.users.touchLastSeen(speaker.id);
  }
}
