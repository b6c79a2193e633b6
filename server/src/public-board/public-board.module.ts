import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module.js';
import { PublicBoardController } from './public-board.controller.js';

@Module({ imports: [TicketsModule], controllers: [PublicBoardController] })
export class PublicBoardModule {}
