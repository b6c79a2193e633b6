import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module.js';
import { EscalationService } from './escalation.service.js';

@Module({ imports: [CategoriesModule], providers: [EscalationService], exports: [EscalationService] })
export class EscalationModule {}
