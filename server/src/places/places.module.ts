import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module.js';
import { BindingsService } from './bindings.service.js';
import { GridLocator } from './grid-locator.js';
import { PlacesController } from './places.controller.js';
import { PlacesService } from './places.service.js';

@Module({
  imports: [UsersModule],
  controllers: [PlacesController],
  providers: [PlacesService, GridLocator, BindingsService],
  exports: [PlacesService, GridLocator],
})
export class PlacesModule {}
