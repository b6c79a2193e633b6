import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';
import { PageQuery } from '../common/paging.js';
import type { Page, PublicTicket } from '@linli/shared';
import { Public } from '../auth/decorators.js';
import { PublicBoardService } from './public-board.service.js';

class BoardQuery extends PageQuery {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) communityId: number;
}

/** 公示: closed matters with their result and rating, and no personal data. */
@ApiTags('public')
@Controller('public')
export class PublicBoardController {
  constructor(@Inject(PublicBoardService) private readonly board: PublicBoardService) {}

  @Get('tickets')
  @Public()
  async tickets(@Query() q: BoardQuery): Promise<Page<PublicTicket>> {
    return this.board.closedTickets(q.communityId, q);
  }
}
