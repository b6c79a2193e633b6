import { Module } from '@nestjs/common';
import { ContentSecurityModule } from '../content-security/content-security.module.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { PlacesModule } from '../places/places.module.js';
import { UsersModule } from '../users/users.module.js';
import { BookingHelpService } from './booking-help.service.js';
import { BookingQueries } from './booking-queries.service.js';
import { BookingStatsService } from './booking-stats.service.js';
import { BookingSweeper } from './booking-sweeper.service.js';
import { BookingService } from './booking.service.js';
import { BookingWorkflow } from './booking-workflow.service.js';
import { BookingFiguresController, BookingHelpController, BookingsController } from './bookings.controller.js';
import { CatalogueService } from './catalogue.service.js';
import { RosterExportService } from './roster-export.service.js';
import { ServicesController, SlotsController } from './services.controller.js';

/**
 * 预约: the catalogue and its slots (catalogue.service), booking (booking.service), every action on a booking
 * (booking-workflow.service), reading (booking-queries.service), 代办 help requests, figures, the roster
 * export, and the booking clock (booking-sweeper.service). The rules are shared/src/booking.ts.
 */
@Module({
  imports: [ContentSecurityModule, LedgerModule, PlacesModule, UsersModule],
  controllers: [ServicesController, SlotsController, BookingsController, BookingHelpController, BookingFiguresController],
  providers: [CatalogueService, BookingService, BookingWorkflow, BookingQueries, BookingHelpService, BookingStatsService, RosterExportService, BookingSweeper],
  exports: [BookingSweeper],
})
export class BookingsModule {}
