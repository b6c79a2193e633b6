import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { LessThan } from 'typeorm';
import { AuthSession } from '../auth/entities/auth-session.entity.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Db } from '../database/db.js';
import { FilesService } from '../files/files.service.js';
import { IdempotencyRecord } from '../tickets/entities/idempotency-record.entity.js';

const DAY_MS = 24 * 3_600_000;

/**
 * Forgets what is no longer needed, on the sweeper's interval in every process (each step is safe to
 * run twice): idempotency keys after a day (a phone retries within minutes), sessions a day after their
 * last token expired, and photos nobody attached within a day.
 */
@Injectable()
export class HousekeepingService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Housekeeping');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(FilesService) private readonly files: FilesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.sweepIntervalMs <= 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.run()
        .catch((e) => this.logger.error(e, 'housekeeping failed'))
        .finally(() => (this.running = null));
    }, this.config.sweepIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  async run(): Promise<{ idempotencyKeys: number; sessions: number; files: number }> {
    const dayAgo = new Date(this.clock.now().getTime() - DAY_MS);
    const keys = await this.db.manager.delete(IdempotencyRecord, { createdAt: LessThan(dayAgo) });
    const sessions = await this.db.manager.delete(AuthSession, { expiresAt: LessThan(dayAgo) });
    const files = await this.files.removeUnattached();
    return { idempotencyKeys: keys.affected ?? 0, sessions: sessions.affected ?? 0, files };
  }
}
