import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module.js';
import { PublicBoardController } from './public-board.controller.js';
import { PublicBoardService } from './public-board.service.js';

@Module({ imports: [TicketsModule], controllers: [PublicBoardController], providers: [PublicBoardService] })
export class PublicBoardModule {}
