import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module.js';
import { UsersModule } from '../users/users.module.js';
import { StaffController } from './staff.controller.js';
import { StaffService } from './staff.service.js';

/** Staff who leave a community's posts, their open tickets handed over first. */
@Module({ imports: [TicketsModule, UsersModule], controllers: [StaffController], providers: [StaffService] })
export class StaffModule {}
