import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module.js';
import { HousekeepingService } from './housekeeping.service.js';

@Module({ imports: [FilesModule], providers: [HousekeepingService], exports: [HousekeepingService] })
export class HousekeepingModule {}
