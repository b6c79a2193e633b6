import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module.js';
import { PlacesModule } from '../places/places.module.js';
import { StatsModule } from '../stats/stats.module.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { ExportsController } from './exports.controller.js';
import { ExportsService } from './exports.service.js';

@Module({ imports: [TicketsModule, CategoriesModule, PlacesModule, StatsModule], controllers: [ExportsController], providers: [ExportsService] })
export class ExportsModule {}
