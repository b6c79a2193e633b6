import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { BookingDetail, PageOfBooking, VolunteerHoursView } from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { Errors } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { paging } from '../common/paging.js';
import { Db } from '../database/db.js';
import { User } from '../users/entities/users.entities.js';
import { relationsTo } from './booking-access.js';
import { bookingDetail, bookingViews } from './booking-views.js';
import { CatalogueService } from './catalogue.service.js';
import type { BookingsQueryDto } from './dto/bookings.dto.js';
import { Booking, VolunteerHourEntry } from './entities/booking.entities.js';
import { ServiceItem, ServiceSlot } from './entities/catalogue.entities.js';
import { hoursBalance } from './volunteer-hours.js';

/** Reading bookings: 我的预约, a grid worker's 代办, one booking; the volunteer-hours ledger. */
@Injectable()
export class BookingQueries {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(CatalogueService) private readonly catalogue: CatalogueService,
  ) {}

  async list(user: AuthUser, q: BookingsQueryDto): Promise<PageOfBooking> {
    const { page, pageSize, skip, take } = paging(q);
    const now = this.clock.now();
    const qb = this.db.manager.createQueryBuilder(Booking, 'b').innerJoin(ServiceSlot, 's', 's.id = b.slotId');
    if (q.scope === 'mine') qb.where('b.userId = :me', { me: user.id });
    else {
      if (!user.has('grid_worker')) throw Errors.forbidden('只有网格员有代办记录，您的预约请在「我的预约」中查看');
      qb.where('b.bookedById = :me', { me: user.id });
    }
    if (q.status?.length) qb.andWhere('b.status IN (:...statuses)', { statuses: q.status });
    if (q.when === 'upcoming') qb.andWhere('s.endsAt > :now', { now }).orderBy('s.startsAt', 'ASC');
    else if (q.when === 'past') qb.andWhere('s.endsAt <= :now', { now }).orderBy('s.startsAt', 'DESC');
    else qb.orderBy('s.startsAt', 'DESC');
    qb.addOrderBy('b.id', 'DESC');
    const [rows, total] = await qb.offset(skip).limit(take).getManyAndCount();
    const offsets = new Map<number, number>();
    for (const c of new Set(rows.map((b) => b.communityId))) offsets.set(c, await this.catalogue.offset(c));
    const items = await bookingViews(this.db.manager, user, rows, { now, offsetOf: (c) => offsets.get(c)! });
    return { items, total, page, pageSize };
  }

  async detail(user: AuthUser, id: number): Promise<BookingDetail> {
    const b = await this.db.manager.findOneBy(Booking, { id });
    const item = b ? await this.db.manager.findOneBy(ServiceItem, { id: b.serviceId }) : null;
    if (!b || !item || relationsTo(user, b, item).length === 0) throw Errors.notFound('预约');
    const offset = await this.catalogue.offset(item.communityId);
    return bookingDetail(this.db.manager, user, b, { now: this.clock.now(), offsetOf: () => offset });
  }

  /** 爱心银行: the balance is the sum of all entries; the newest 100 are listed. */
  async hours(user: AuthUser): Promise<VolunteerHoursView> {
    const em = this.db.manager;
    const entries = await em.find(VolunteerHourEntry, { where: { userId: user.id }, order: { id: 'DESC' }, take: 100 });
    const confirmers = new Map(
      (await em.find(User, { where: { id: In([0, ...entries.map((e) => e.confirmedById).filter((id): id is number => id !== null)]) }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
    );
    return {
      balanceMinutes: await hoursBalance(em, user.id),
      entries: entries.map((e) => ({
        id: e.id,
        minutes: e.minutes,
        kind: e.kind,
        reason: e.reason,
        bookingId: e.bookingId,
        confirmedBy: e.confirmedById !== null ? { id: e.confirmedById, name: confirmers.get(e.confirmedById) ?? '' } : null,
        at: e.createdAt.toISOString(),
      })),
    };
  }
}
