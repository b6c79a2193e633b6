import { Inject, Injectable } from '@nestjs/common';
import { PLACE_HOLDING_STATUSES, countsAsSatisfied, localDate, localDayRange, type BookingFigures, type BookingStats } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { Errors } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { Db } from '../database/db.js';
import { PlacesService } from '../places/places.service.js';
import { resolveDays } from '../stats/stats.service.js';
import { providesItem } from './booking-access.js';
import { providerViews } from './booking-views.js';
import type { BookingStatsQueryDto } from './dto/bookings.dto.js';
import { Booking } from './entities/booking.entities.js';
import { ServiceItem, ServiceSlot } from './entities/catalogue.entities.js';

interface Counts {
  bookings: number;
  attended: number;
  noShows: number;
  cancelled: number;
  rated: number;
  satisfied: number;
}

const zero = (): Counts => ({ bookings: 0, attended: 0, noShows: 0, cancelled: 0, rated: 0, satisfied: 0 });
const rate = (n: number, d: number) => (d === 0 ? null : n / d);

/** docs/metrics.md, "预约": the definitions, applied once to every grouping. */
export function figures(c: Counts): BookingFigures {
  const marked = c.attended + c.noShows;
  return {
    bookings: c.bookings,
    attended: c.attended,
    noShows: c.noShows,
    cancelled: c.cancelled,
    rated: c.rated,
    attendanceRate: rate(c.attended, marked),
    noShowRate: rate(c.noShows, marked),
    satisfactionRate: rate(c.satisfied, c.rated),
  };
}

/** 预约 figures per item and per provider, over bookings whose slot starts in the community's local days. */
@Injectable()
export class BookingStatsService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(PlacesService) private readonly places: PlacesService,
  ) {}

  async stats(user: AuthUser, q: BookingStatsQueryDto): Promise<BookingStats> {
    const community = await this.places.communityPlace(q.communityId);
    if (!community) throw Errors.notFound('社区');
    const all = user.overseesCommunity(community);
    let items = await this.db.manager.find(ServiceItem, { where: { communityId: q.communityId }, order: { id: 'ASC' } });
    if (!all) items = items.filter((i) => providesItem(user, i));
    if (!all && !items.length) throw Errors.notFound('社区');
    const days = resolveDays(q, localDate(this.clock.now(), community.utcOffsetMinutes));
    const { start, end } = localDayRange(days.from, days.to, community.utcOffsetMinutes);
    const byItem = new Map(items.map((i) => [i.id, zero()]));
    if (items.length) {
      const rows = await this.db.manager
        .createQueryBuilder(Booking, 'b')
        .innerJoin(ServiceSlot, 's', 's.id = b.slotId')
        .select('b.serviceId', 'serviceId')
        .addSelect('b.status', 'status')
        .addSelect('b.rating', 'rating')
        .addSelect('COUNT(*)', 'n')
        .where("b.serviceId IN (:...ids) AND b.role = 'participant' AND s.startsAt >= :start AND s.startsAt < :end", { ids: items.map((i) => i.id), start, end })
        .groupBy('b.serviceId')
        .addGroupBy('b.status')
        .addGroupBy('b.rating')
        .getRawMany<{ serviceId: number; status: Booking['status']; rating: Booking['rating']; n: number | string }>();
      for (const r of rows) {
        const c = byItem.get(Number(r.serviceId))!;
        const n = Number(r.n);
        if (PLACE_HOLDING_STATUSES.includes(r.status)) c.bookings += n;
        if (r.status === 'attended') c.attended += n;
        if (r.status === 'no_show') c.noShows += n;
        if (r.status === 'cancelled') c.cancelled += n;
        if (r.rating !== null) {
          c.rated += n;
          if (countsAsSatisfied(r.rating)) c.satisfied += n;
        }
      }
    }
    const providers = await providerViews(this.db.manager, items);
    const byProvider = new Map<number | null, Counts>();
    const total = zero();
    for (const i of items) {
      const c = byItem.get(i.id)!;
      const p = byProvider.get(i.organisationId) ?? zero();
      for (const k of Object.keys(c) as (keyof Counts)[]) {
        p[k] += c[k];
        total[k] += c[k];
      }
      byProvider.set(i.organisationId, p);
    }
    return {
      communityId: q.communityId,
      from: days.from,
      to: days.to,
      utcOffsetMinutes: community.utcOffsetMinutes,
      total: figures(total),
      byItem: items.map((i) => ({ serviceId: i.id, name: i.name, family: i.family, ...figures(byItem.get(i.id)!) })),
      byProvider: [...byProvider.entries()].map(([org, c]) => ({ provider: providers.get(org)!, ...figures(c) })),
    };
  }
}
