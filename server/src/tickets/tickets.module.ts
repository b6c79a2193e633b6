import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module.js';
import { DispatchService } from '../dispatch/dispatch.service.js';
import { PlacesModule } from '../places/places.module.js';
import { UsersModule } from '../users/users.module.js';
import { TicketViews } from './ticket-views.js';
import { TicketsController } from './tickets.controller.js';
import { TicketsService } from './tickets.service.js';

@Module({
  imports: [CategoriesModule, PlacesModule, UsersModule],
  controllers: [TicketsController],
  providers: [TicketsService, TicketViews, DispatchService],
  exports: [TicketsService, TicketViews],
})
export class TicketsModule {}
