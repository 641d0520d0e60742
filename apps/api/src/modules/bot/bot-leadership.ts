import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { InjectConfig, type AppConfig } from '../../config/app-config.js';

// Any constant unique to this app's bot.
const BOT_LOCK_KEY = 7_311_002;

/**
 * Exactly one bot across API processes: the process holding a PostgreSQL advisory lock on its
 * own dedicated connection. If that process dies, its connection closes, the lock is released,
 * and the next process to try takes over.
 */
@Injectable()
export class BotLeadership implements OnApplicationShutdown {
  private readonly logger = new Logger('BotLeadership');
  private client: pg.Client | null = null;
  private leader = false;

  constructor(@InjectConfig() private readonly config: AppConfig) {}

  isLeader(): boolean {
    return this.leader;
  }

  /** Returns true while this process holds the lock (trying to take it if not). */
  async tryLead(): Promise<boolean> {
    if (this.leader) return true;
    try {
      const client = this.client ?? (await this.connect());
      const { rows } = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock($1) AS locked',
        [BOT_LOCK_KEY],
      );
      this.leader = rows[0]?.locked === true;
      if (this.leader) this.logger.log('This process now runs the bot');
    } catch (error) {
      this.logger.warn(`Could not try the bot lock: ${(error as Error).message}`);
      this.drop();
    }
    return this.leader;
  }

  async onApplicationShutdown(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.leader = false;
    await client?.end().catch(() => undefined); // closing the session releases the lock
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.config.databaseUrl,
      application_name: 'chat-bot-lock',
    });
    // Losing the connection means losing the lock: stop leading until it is taken again.
    client.on('error', () => this.drop());
    client.on('end', () => this.drop());
    await client.connect();
    this.client = client;
    return client;
  }

  private drop(): void {
    if (this.leader) this.logger.warn('Lost the bot lock');
    this.leader = false;
    const client = this.client;
    this.client = null;
    client?.end().catch(() => undefined);
  }
}
