import { Controller, Get, Inject, Module } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../auth/decorators.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  /** For the load balancer: answers 200 when the database answers. */
  @Get()
  @Public()
  async health() {
    await this.ds.query('SELECT 1');
    return { status: 'ok', database: this.ds.options.type };
  }
}

@Module({ controllers: [HealthController] })
export class HealthModule {}
