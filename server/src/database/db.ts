import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Transactions. MySQL runs them side by side; SQLite has one connection and no
 * row locks, so this process runs its transactions one at a time.
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

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (this.isMysql) return this.dataSource.transaction(work);
    const run = this.queue.then(() => this.dataSource.transaction(work));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** `FOR UPDATE SKIP LOCKED` where the database has row locks; nothing on SQLite, whose transactions are serial anyway. */
  get skipLocked(): string {
    return this.isMysql ? ' FOR UPDATE SKIP LOCKED' : '';
  }
}
