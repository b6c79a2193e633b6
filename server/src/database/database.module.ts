import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Clock } from '../common/clock.js';
import { createDataSource } from './data-source.js';
import { Db } from './db.js';

/** The database, the clock and the configuration: what every feature module uses. */
@Global()
@Module({})
export class CoreModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  /** `clock` replaces the real one (tests move time with a FakeClock). */
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: clock ?? new Clock(config.clockOffsetMs) },
        {
          provide: DataSource,
          useFactory: async () => {
            const ds = createDataSource(config);
            await ds.initialize();
            await ds.runMigrations({ transaction: 'each' });
            return ds;
          },
        },
        Db,
      ],
      exports: [APP_CONFIG, Clock, DataSource, Db],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}
