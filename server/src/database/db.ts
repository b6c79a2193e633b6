import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { isDeadlock } from './errors.js';
import { Statements } from './statements.js';

/** A deadlock's victim is run again from the start, this many times in all. */
const DEADLOCK_ATTEMPTS = 3;

/**
 * Transactions. MySQL runs them side by side; SQLite has one connection and no
 * row locks, so this process runs its transactions one at a time. On MySQL a
 * transaction InnoDB chose as a deadlock's victim was rolled back whole, so it is
 * run again from the start (the work function reads what it needs inside it),
 * after a short random pause, rather than answering 500 for what is only bad luck.
 */
@Injectable()
export class Db {
  private queue: Promise<unknown> = Promise.resolve();
  readonly isMysql: boolean;

  constructor(@Inject(DataSource) readonly dataSource: DataSource) {
    this.isMysql = dataSource.options.type !== 'better-sqlite3';
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** Statements through the driver itself, for the hot paths (statements.ts). */
  get sql(): Statements {
    return Statements.of(this.dataSource);
  }

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (this.isMysql) return this.withDeadlockRetry(work);
    const run = this.queue.then(() => this.dataSource.transaction(work));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async withDeadlockRetry<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(work);
      } catch (e) {
        if (!isDeadlock(e) || attempt >= DEADLOCK_ATTEMPTS) throw e;
        await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
      }
    }
  }

  /** `FOR UPDATE SKIP LOCKED` where the database has row locks; nothing on SQLite, whose transactions are serial anyway. */
  get skipLocked(): string {
    return this.isMysql ? ' FOR UPDATE SKIP LOCKED' : '';
  }
}
