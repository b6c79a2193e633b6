import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { LessThan } from 'typeorm';
import { AuthSession } from '../auth/entities/auth-session.entity.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Db } from '../database/db.js';
import { PeriodicTask } from '../common/periodic.js';
import { FilesService } from '../files/files.service.js';
import { IdempotencyRecord } from '../tickets/entities/idempotency-record.entity.js';

const DAY_MS = 24 * 3_600_000;

/**
 * Forgets what is no longer needed, on the sweeper's interval in every process (each step is safe to
 * run twice): idempotency keys after a day (a phone retries within minutes), sessions a day after their
 * last token expired, and photos nobody attached within a day. It also asks WeChat again about photos
 * left unchecked, once their uploader is back (FilesService.recheckUnchecked).
 */
@Injectable()
export class HousekeepingService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task = new PeriodicTask('housekeeping', new Logger('Housekeeping'), async () => void (await this.run()));

  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(FilesService) private readonly files: FilesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(this.config.sweepIntervalMs);
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  async run(): Promise<{ idempotencyKeys: number; sessions: number; files: number; photosRechecked: number }> {
    const dayAgo = new Date(this.clock.now().getTime() - DAY_MS);
    const keys = await this.db.manager.delete(IdempotencyRecord, { createdAt: LessThan(dayAgo) });
    const sessions = await this.db.manager.delete(AuthSession, { expiresAt: LessThan(dayAgo) });
    const files = await this.files.removeUnattached();
    const photosRechecked = await this.files.recheckUnchecked();
    return { idempotencyKeys: keys.affected ?? 0, sessions: sessions.affected ?? 0, files, photosRechecked };
  }
}
