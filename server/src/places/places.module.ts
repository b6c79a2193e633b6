import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module.js';
import { GridLocator } from './grid-locator.js';
import { PlacesController } from './places.controller.js';
import { PlacesService } from './places.service.js';

@Module({
  imports: [UsersModule],
  controllers: [PlacesController],
  providers: [PlacesService, GridLocator],
  exports: [PlacesService, GridLocator],
})
export class PlacesModule {}
