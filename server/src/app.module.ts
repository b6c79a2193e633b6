import { randomUUID } from 'node:crypto';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from './config/app-config.js';
import type { Clock } from './common/clock.js';
import { AuthGuard } from './auth/auth.guard.js';
import { AuthModule } from './auth/auth.module.js';
import { CategoriesModule } from './categories/categories.module.js';
import { CoreModule } from './database/database.module.js';
import { EscalationModule } from './escalation/escalation.module.js';
import { FilesModule } from './files/files.module.js';
import { HealthModule } from './health/health.controller.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { PlacesModule } from './places/places.module.js';
import { PublicBoardModule } from './public-board/public-board.module.js';
import { StatsModule } from './stats/stats.module.js';
import { TicketsModule } from './tickets/tickets.module.js';
import { UsersModule } from './users/users.module.js';

const REQUEST_ID = /^[\w.-]{1,64}$/;

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, clock),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // Every request carries an id: the client's X-Request-Id if sane, else a new one; errors return it.
            genReqId: (req, res) => {
              const given = req.headers['x-request-id'];
              const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
              res.setHeader('X-Request-Id', id);
              return id;
            },
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (req) => !req.url?.startsWith('/api') },
          },
        }),
        ThrottlerModule.forRoot({
          throttlers: [
            { name: 'login', ttl: 60_000, limit: config.rateLimits.loginPerMinute },
            { name: 'tickets', ttl: 60_000, limit: config.rateLimits.ticketsPerMinute },
          ],
        }),
        UsersModule,
        AuthModule,
        PlacesModule,
        CategoriesModule,
        FilesModule,
        TicketsModule,
        EscalationModule,
        NotificationsModule,
        StatsModule,
        PublicBoardModule,
        HealthModule,
      ],
      providers: [{ provide: APP_GUARD, useExisting: AuthGuard }],
    };
  }
}
