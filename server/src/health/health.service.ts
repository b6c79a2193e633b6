import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

@Injectable()
export class HealthService {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  /** Throws (→ 500) when the database does not answer. */
  async check() {
    await this.ds.query('SELECT 1');
    return { status: 'ok', database: this.ds.options.type };
  }
}
