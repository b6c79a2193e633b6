import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module.js';
import { EscalationService } from './escalation.service.js';

@Module({ imports: [TicketsModule], providers: [EscalationService], exports: [EscalationService] })
export class EscalationModule {}
