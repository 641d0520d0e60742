import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InjectConfig, type AppConfig } from '../../config/app-config.js';
import { AttachmentsService } from './attachments.service.js';

/** A staging file older than this belongs to an upload that died with its process. */
const STALE_STAGING_MS = 3_600_000;

/**
 * Every UPLOAD_CLEANUP_INTERVAL_MS: deletes uploads no message took within UPLOAD_ORPHAN_TTL_S,
 * attachments of deleted messages not yet purged, and staging files of interrupted uploads.
 * Safe on any number of processes (each row is deleted by exactly one of them).
 */
@Injectable()
export class AttachmentCleanup implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('AttachmentCleanup');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;

  constructor(
    private readonly attachments: AttachmentsService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runOnce(), this.config.UPLOAD_CLEANUP_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass (a pass still running is joined, not doubled). */
  runOnce(): Promise<void> {
    this.running ??= this.pass().finally(() => (this.running = null));
    return this.running;
  }

  private async pass(): Promise<void> {
    try {
      let orphans = 0;
      let discarded = 0;
      // Batches of 1000 until a pass finds no more.
      for (let n = -1; n !== 0; orphans += n)
        n = await this.attachments.deleteOrphans(this.config.UPLOAD_ORPHAN_TTL_S);
      for (let n = -1; n !== 0; discarded += n) n = await this.attachments.purgeDiscarded();
      const staging = await this.removeStaleStaging();
      if (orphans + discarded + staging > 0)
        this.logger.log(
          `Deleted ${orphans} orphaned uploads, ${discarded} of deleted messages, ${staging} stale staging files`,
        );
    } catch (error) {
      this.logger.warn(`Clean-up failed, retried next time: ${(error as Error).message}`);
    }
  }

  private async removeStaleStaging(): Promise<number> {
    const dir = this.attachments.stagingDir;
    const names = await readdir(dir).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names) {
      const path = join(dir, name);
      const info = await stat(path).catch(() => null);
      if (info && Date.now() - info.mtimeMs > STALE_STAGING_MS) {
        await rm(path, { force: true });
        removed++;
      }
    }
    return removed;
  }
}
