import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AppConfig } from './config/app-config.js';
import type { Clock } from './common/clock.js';
import { AuthGuard } from './auth/auth.guard.js';
import { RATE_COUNTER, RateLimitGuard } from './common/throttle.js';
import { createRateCounter } from './common/rate-counter.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { BindingsModule } from './bindings/bindings.module.js';
import { BookingsModule } from './bookings/bookings.module.js';
import { CategoriesModule } from './categories/categories.module.js';
import { ClaimsModule } from './claims/claims.module.js';
import { ContentSecurityModule } from './content-security/content-security.module.js';
import { CoreModule } from './database/database.module.js';
import { DispatchModule } from './dispatch/dispatch.module.js';
import { ExportsModule } from './exports/exports.module.js';
import { EscalationModule } from './escalation/escalation.module.js';
import { HousekeepingModule } from './housekeeping/housekeeping.module.js';
import { FilesModule } from './files/files.module.js';
import { HealthModule } from './health/health.module.js';
import { LedgerModule } from './ledger/ledger.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { PlacesModule } from './places/places.module.js';
import { PublicBoardModule } from './public-board/public-board.module.js';
import { StaffModule } from './staff/staff.module.js';
import { StatsModule } from './stats/stats.module.js';
import { TicketsModule } from './tickets/tickets.module.js';
import { AccountModule } from './users/account.module.js';
import { ProfileModule } from './users/profile.module.js';
import { UsersModule } from './users/users.module.js';
import { WechatModule } from './wechat/wechat.module.js';
import { DeliberationModule } from './deliberation/deliberation.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, clock),
        UsersModule,
        ProfileModule,
        WechatModule,
        ContentSecurityModule,
        AuthModule,
        PlacesModule,
        BindingsModule,
        ClaimsModule,
        AccountModule,
        CategoriesModule,
        FilesModule,
        DispatchModule,
        TicketsModule,
        StaffModule,
        EscalationModule,
        HousekeepingModule,
        NotificationsModule,
        StatsModule,
        AuditModule,
        ExportsModule,
        LedgerModule,
        BookingsModule,
        PublicBoardModule,
        HealthModule,
        DeliberationModule,
      ],
      // Guards run in this order: who is calling, then how often.
      providers: [
        { provide: RATE_COUNTER, useFactory: () => createRateCounter(config.redisUrl) },
        { provide: APP_GUARD, useExisting: AuthGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
      ],
    };
  }
}
