import { Module } from '@nestjs/common';
import { PlacesModule } from '../places/places.module.js';
import { AuditController } from './audit.controller.js';
import { AuditService } from './audit.service.js';

@Module({ imports: [PlacesModule], controllers: [AuditController], providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
