import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UNCATEGORISED, applyTransition, nextEscalationAt } from '@linli/shared';
import { CategoriesService } from '../categories/categories.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Clock } from '../common/clock.js';
import { Db } from '../database/db.js';
import { PeriodicTask } from '../common/periodic.js';
import { Ticket } from '../tickets/entities/ticket.entity.js';
import { TicketWrites, type Actor } from '../tickets/ticket-writes.js';

const SYSTEM: Actor = { id: null, role: 'system' };

/**
 * The sweeper: escalates every overdue ticket one level (grid → community →
 * street → district) and closes resolved tickets nobody rated.
 * Its work list is the tickets table itself (nextEscalationAt, autoCloseAt), so
 * it survives restarts; on MySQL several processes claim disjoint batches with
 * SELECT … FOR UPDATE SKIP LOCKED, and each ticket's version guards the write.
 */
@Injectable()
export class EscalationService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Sweeper');
  private readonly task = new PeriodicTask('sweep', this.logger, async () => {
    const r = await this.sweep();
    if (r.escalated || r.autoClosed) this.logger.log(r, 'swept');
  });

  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(CategoriesService) private readonly categories: CategoriesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(this.config.sweepIntervalMs);
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** One full pass: everything due now is handled before it returns. */
  async sweep(): Promise<{ escalated: number; autoClosed: number }> {
    let escalated = 0;
    let autoClosed = 0;
    for (;;) {
      const n = await this.db.transaction((em) => this.escalateBatch(em));
      escalated += n;
      if (n < this.config.sweepBatch) break;
    }
    for (;;) {
      const n = await this.db.transaction((em) => this.autoCloseBatch(em));
      autoClosed += n;
      if (n < this.config.sweepBatch) break;
    }
    return { escalated, autoClosed };
  }

  private claim(em: EntityManager, column: 'nextEscalationAt' | 'autoCloseAt', now: Date): Promise<Ticket[]> {
    const qb = em
      .createQueryBuilder(Ticket, 't')
      .where(`t.${column} <= :now`, { now })
      .orderBy(`t.${column}`, 'ASC')
      .take(this.config.sweepBatch);
    if (this.db.isMysql) qb.setLock('pessimistic_write').setOnLocked('skip_locked');
    return qb.getMany();
  }

  private escalateBatch(em: EntityManager): Promise<number> {
    return this.applyToDue(em, 'nextEscalationAt', 'escalate');
  }

  private autoCloseBatch(em: EntityManager): Promise<number> {
    return this.applyToDue(em, 'autoCloseAt', 'auto_close');
  }

  /**
   * Claims a batch of tickets whose `column` is due and applies the system's action to each through the
   * shared rules. A ticket the rules refuse (handled meanwhile, already at the district) is only
   * re-saved, which clears the due time it no longer has.
   */
  private async applyToDue(em: EntityManager, column: 'nextEscalationAt' | 'autoCloseAt', action: 'escalate' | 'auto_close'): Promise<number> {
    const now = this.clock.now();
    const due = await this.claim(em, column, now);
    if (due.length === 0) return 0;
    const writes = new TicketWrites(em);
    if (action === 'escalate') await writes.recipients.preload(due);
    for (const t of due) {
      const category = t.categoryId === null ? UNCATEGORISED : (await this.categories.get(t.categoryId))!;
      const result = applyTransition(t, { action }, { now, relations: ['system'], actorId: null, category });
      if (result.ok) {
        Object.assign(t, result.changes);
        await writes.save(t, now);
        await writes.record(t, result, SYSTEM, now);
      } else {
        if (action === 'auto_close') t.autoCloseAt = null;
        t.nextEscalationAt = nextEscalationAt(t);
        await writes.save(t, now);
      }
    }
    await writes.flush();
    return due.length;
  }
}
