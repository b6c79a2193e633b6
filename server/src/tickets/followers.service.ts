import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FOLLOW_RADIUS_METERS, isOpen, type TicketDetail } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { AppError, Errors } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { Db } from '../database/db.js';
import { Building } from '../places/entities/places.entities.js';
import { distanceMeters } from '../places/geo.js';
import { isUniqueViolation } from '../database/errors.js';
import { TicketEvent } from './entities/ticket-event.entity.js';
import { TicketFollower } from './entities/ticket-follower.entity.js';
import { Ticket } from './entities/ticket.entity.js';
import { approvedHome, type ResidentHome } from './resident-home.js';
import { TicketQueries } from './ticket-queries.service.js';

/** 附议: a resident says "me too" instead of reporting the same matter again, and follows its updates. */
@Injectable()
export class FollowersService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(TicketQueries) private readonly queries: TicketQueries,
  ) {}

  /**
   * Idempotent: following twice is following. Only a matter the resident could have been offered
   * (their approved household's community, near their own building) may be followed; any other id
   * answers 404 whatever its state, so looping over ids tells nothing.
   */
  async follow(user: AuthUser, id: number): Promise<TicketDetail> {
    const home = await approvedHome(this.db.manager, user.id);
    if (!home) throw new AppError(403, 'HOUSEHOLD_REQUIRED', '请先绑定您的房屋（居委会审核通过后），才能附议');
    await this.db
      .transaction(async (em) => {
        const t = await em.findOneBy(Ticket, { id });
        if (!t || !(await isNeighbours(em, t, home))) throw Errors.notFound('报事');
        if (!isOpen(t.status)) throw Errors.invalidState('这件报事已办结或已关闭，不能再附议，可在公示栏查看结果');
        if (t.reporterId === user.id) throw Errors.unprocessable('OWN_TICKET', '这是您自己报的事，不用附议，可在“我的报事”里查看进度');
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

/** Is the matter in the resident's own community, within FOLLOW_RADIUS_METERS of their building? */
async function isNeighbours(em: EntityManager, t: Ticket, home: ResidentHome): Promise<boolean> {
  if (t.communityId !== home.communityId) return false;
  const { lat, lng } = home.building;
  if (lat === null || lng === null) return t.buildingId === home.building.id;
  let point = t.lat !== null && t.lng !== null ? { lat: t.lat, lng: t.lng } : null;
  if (!point && t.buildingId !== null) {
    const b = await em.findOneBy(Building, { id: t.buildingId });
    if (b?.lat != null && b.lng != null) point = { lat: b.lat, lng: b.lng };
  }
  return point !== null ? distanceMeters(point, { lat, lng }) <= FOLLOW_RADIUS_METERS : t.buildingId === home.building.id;
}
