import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { databaseUnavailable } from '../common/db-unavailable.js';

@Injectable()
export class HealthService {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  /** Up or down, and nothing else: which database or version runs behind it is nobody's business outside. */
  async check(): Promise<{ status: 'ok' }> {
    try {
      await this.ds.query('SELECT 1');
    } catch {
      throw databaseUnavailable();
    }
    return { status: 'ok' };
  }
}
