import { Inject, Injectable } from '@nestjs/common';
import { isOpen, type TicketDetail } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { Errors } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { Db } from '../database/db.js';
import { isUniqueViolation } from '../database/errors.js';
import { TicketEvent } from './entities/ticket-event.entity.js';
import { TicketFollower } from './entities/ticket-follower.entity.js';
import { Ticket } from './entities/ticket.entity.js';
import { TicketQueries } from './ticket-queries.service.js';

/** 附议: a resident says "me too" instead of reporting the same matter again, and follows its updates. */
@Injectable()
export class FollowersService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(TicketQueries) private readonly queries: TicketQueries,
  ) {}

  /** Idempotent: following twice is following. */
  async follow(user: AuthUser, id: number): Promise<TicketDetail> {
    await this.db
      .transaction(async (em) => {
        const t = await em.findOneBy(Ticket, { id });
        if (!t || !isOpen(t.status)) throw t ? Errors.invalidState('只能附议尚未办结的报事') : Errors.notFound('报事');
        if (t.reporterId === user.id) throw Errors.unprocessable('OWN_TICKET', '这是您自己报的事');
        if (await em.countBy(TicketFollower, { ticketId: id, userId: user.id })) return;
        const now = this.clock.now();
        await em.insert(TicketFollower, { ticketId: id, userId: user.id, createdAt: now });
        await em.increment(Ticket, { id }, 'followerCount', 1);
        await em.insert(TicketEvent, { ticketId: id, type: 'followed', actorId: user.id, actorRole: 'resident', note: null, photoKeys: null, data: null, createdAt: now });
      })
      .catch((e) => {
        if (!isUniqueViolation(e)) throw e; // the same resident pressing twice at once
      });
    return this.queries.detailFor(user, id);
  }

  async unfollow(user: AuthUser, id: number): Promise<{ following: false }> {
    await this.db.transaction(async (em) => {
      const removed = await em.delete(TicketFollower, { ticketId: id, userId: user.id });
      if (removed.affected) await em.decrement(Ticket, { id }, 'followerCount', 1);
    });
    return { following: false };
  }
}
