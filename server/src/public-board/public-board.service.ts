import { Inject, Injectable } from '@nestjs/common';
import { PUBLIC_BOARD_STATUSES, type Page, type PublicTicket } from '@linli/shared';
import { pageTotal, paging, type PageQuery } from '../common/paging.js';
import { sqlList } from '../tickets/status-sql.js';
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
    // The page as a prepared statement (database/statements.ts), its count as text (below). A text awaiting a committee
    // member's release (content security) keeps its matter off the board.
    const from = `FROM \`tickets\` t WHERE t.\`communityId\` = ? AND t.\`status\` IN (${sqlList(PUBLIC_BOARD_STATUSES)}) AND t.\`contentHeld\` = ?`;
    const values = [communityId, 0]; // contentHeld false, as a number both drivers and both query paths bind alike
    const tickets = this.db.sql.table(Ticket);
    // LIMIT and OFFSET are paging()'s bounded integers, written into the text (MySQL 8 refuses them bound).
    const rows = tickets.entities(await this.db.sql.rows(`SELECT ${tickets.select('t')} ${from} ORDER BY t.\`closedAt\` DESC, t.\`id\` DESC LIMIT ${Number(take)} OFFSET ${Number(skip)}`, values));
    // The count as a text query, not a prepared one: MariaDB 10.11 re-executing this prepared COUNT on a connection
    // left the board's index for a scan of the matters' rows (0.5–0.7 s per page at 1 M tickets; the text query,
    // planned afresh, stays in the index: 2–3 ms). docs/performance.md.
    const total = await pageTotal(rows.length, skip, take, async () => Number((await this.db.manager.query(`SELECT COUNT(*) AS n ${from}`, values))[0].n));
    return { items: await this.views.publicTickets(rows), total, page, pageSize };
  }
}
