import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module.js';
import { ContentSecurityModule } from '../content-security/content-security.module.js';
import { DispatchModule } from '../dispatch/dispatch.module.js';
import { PlacesModule } from '../places/places.module.js';
import { UsersModule } from '../users/users.module.js';
import { FollowersService } from './followers.service.js';
import { ReportingService } from './reporting.service.js';
import { TicketQueries } from './ticket-queries.service.js';
import { TicketViews } from './ticket-views.js';
import { TicketWorkflow } from './ticket-workflow.service.js';
import { TicketsController } from './tickets.controller.js';

/** 报事: reporting (reporting.service), reading (ticket-queries.service), handling (ticket-workflow.service), 附议 (followers.service). */
@Module({
  imports: [CategoriesModule, ContentSecurityModule, DispatchModule, PlacesModule, UsersModule],
  controllers: [TicketsController],
  providers: [ReportingService, TicketQueries, TicketWorkflow, FollowersService, TicketViews],
  exports: [TicketQueries, TicketViews, TicketWorkflow],
})
export class TicketsModule {}
