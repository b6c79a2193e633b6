import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module.js';
import { PlacesModule } from '../places/places.module.js';
import { StatsController } from './stats.controller.js';
import { StatsService } from './stats.service.js';

@Module({ imports: [CategoriesModule, PlacesModule], controllers: [StatsController], providers: [StatsService], exports: [StatsService] })
export class StatsModule {}
