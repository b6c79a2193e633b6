import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { PUBLIC_BOARD_STATUSES, type Page, type PublicTicket } from '@linli/shared';
import { paging, type PageQuery } from '../common/paging.js';
import { Db } from '../database/db.js';
import { Ticket } from '../tickets/entities/ticket.entity.js';
import { TicketViews } from '../tickets/ticket-views.js';

/** 公示: closed matters of a community, newest first, through the public view only; nothing with a held text. */
@Injectable()
export class PublicBoardService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(TicketViews) private readonly views: TicketViews,
  ) {}

  async closedTickets(communityId: number, q: PageQuery): Promise<Page<PublicTicket>> {
    const { page, pageSize, skip, take } = paging(q);
    const [rows, total] = await this.db.manager.findAndCount(Ticket, {
      // A text awaiting a committee member's release (content security) keeps its matter off the board.
      where: { communityId, status: In([...PUBLIC_BOARD_STATUSES]), contentHeld: false },
      order: { closedAt: 'DESC', id: 'DESC' },
      skip,
      take,
    });
    return { items: await this.views.publicTickets(rows), total, page, pageSize };
  }
}
