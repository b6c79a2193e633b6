import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';
import { PageQuery, paging } from '../common/paging.js';
import type { Page, PublicTicket } from '@linli/shared';
import { Public } from '../auth/decorators.js';
import { Db } from '../database/db.js';
import { Ticket } from '../tickets/entities/ticket.entity.js';
import { TicketViews } from '../tickets/ticket-views.js';

class BoardQuery extends PageQuery {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) communityId: number;
}

/** 公示: closed matters with their result and rating, and no personal data. */
@ApiTags('public')
@Controller('public')
export class PublicBoardController {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(TicketViews) private readonly views: TicketViews,
  ) {}

  @Get('tickets')
  @Public()
  async tickets(@Query() q: BoardQuery): Promise<Page<PublicTicket>> {
    const { page, pageSize, skip, take } = paging(q);
    const [rows, total] = await this.db.manager.findAndCount(Ticket, {
      where: { communityId: q.communityId, status: 'closed' },
      order: { closedAt: 'DESC', id: 'DESC' },
      skip,
      take,
    });
    return { items: await this.views.publicTickets(rows), total, page, pageSize };
  }
}
