import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { addLocalDays, localDate, startOfLocalDay } from '@linli/shared';
import { Clock } from '../common/clock.js';
import { PeriodicTask } from '../common/periodic.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Db } from '../database/db.js';
import { advanceSlot, lockSlot } from './booking-queue.js';
import { toDate } from './booking-rules.js';
import { notifyBooking } from './booking-writes.js';
import { CatalogueService, generateScheduledSlots } from './catalogue.service.js';
import { Booking } from './entities/booking.entities.js';
import { ServiceItem, ServiceSlot } from './entities/catalogue.entities.js';

const BATCH = 50;
/** The day-before reminder goes out at this local hour. */
export const REMINDER_LOCAL_HOUR = 9;

/**
 * The booking clock, on the sweeper's interval in every process: offers past their time expire and the place
 * passes on (and whoever still waits when a slot starts is told), the day-before reminders go into the outbox,
 * and weekly schedules make the slots of the days entering the booking window. Each slot, booking and item is
 * claimed with `FOR UPDATE SKIP LOCKED` on MySQL, so two processes never do the same work; SQLite has one.
 */
@Injectable()
export class BookingSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task = new PeriodicTask('booking sweeper', new Logger('BookingSweeper'), async () => void (await this.run()));

  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(CatalogueService) private readonly catalogue: CatalogueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(this.config.sweepIntervalMs);
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  async run(): Promise<{ offered: number; expired: number; reminded: number; slotsMade: number }> {
    const queue = await this.advanceDueQueues();
    const reminded = await this.remind();
    const slotsMade = await this.generate();
    return { ...queue, reminded, slotsMade };
  }

  /** Slots with an offer past its time, or with people still waiting once the slot has started. */
  private async advanceDueQueues(): Promise<{ offered: number; expired: number }> {
    const now = this.clock.now();
    const due = await this.db.manager
      .createQueryBuilder(Booking, 'b')
      .innerJoin(ServiceSlot, 's', 's.id = b.slotId')
      .select('DISTINCT b.slotId', 'slotId')
      .where("(b.status = 'offered' AND b.offerExpiresAt <= :now) OR (b.status IN ('waiting', 'offered') AND s.startsAt <= :now)", { now })
      .limit(BATCH)
      .getRawMany<{ slotId: number }>();
    let offered = 0;
    let expired = 0;
    for (const { slotId } of due) {
      const r = await this.db.transaction(async (em) => {
        const slot = await lockSlot(em, this.db, Number(slotId), true);
        if (!slot) return { offered: 0, expired: 0 }; // another process has it
        const item = (await em.findOneBy(ServiceItem, { id: slot.serviceId }))!;
        return advanceSlot(em, slot, item, await this.catalogue.offset(item.communityId), this.clock.now());
      });
      offered += r.offered;
      expired += r.expired;
    }
    return { offered, expired };
  }

  /**
   * A reminder the day before, at REMINDER_LOCAL_HOUR local time, to everyone still booked; whoever booked after
   * that hour was just there and is not reminded. Each booking is reminded once (remindedAt), again after a move.
   */
  private async remind(): Promise<number> {
    const now = this.clock.now();
    const candidates = await this.db.manager
      .createQueryBuilder(Booking, 'b')
      .innerJoin(ServiceSlot, 's', 's.id = b.slotId')
      .select(['b.id AS id', 's.startsAt AS startsAt', 'b.communityId AS communityId'])
      .where("b.status = 'booked' AND b.remindedAt IS NULL AND s.startsAt > :now AND s.startsAt <= :horizon", { now, horizon: new Date(now.getTime() + 40 * 3_600_000) })
      .limit(200)
      .getRawMany<{ id: number; startsAt: Date | string; communityId: number }>();
    let reminded = 0;
    for (const c of candidates) {
      const offset = await this.catalogue.offset(Number(c.communityId));
      const startsAt = toDate(c.startsAt);
      const dueAt = new Date(startOfLocalDay(addLocalDays(localDate(startsAt, offset), -1), offset).getTime() + REMINDER_LOCAL_HOUR * 3_600_000);
      if (now < dueAt) continue;
      reminded += await this.db.transaction(async (em) => {
        if (this.db.isMysql) {
          const mine: unknown[] = await em.query('SELECT id FROM bookings WHERE id = ? AND remindedAt IS NULL FOR UPDATE SKIP LOCKED', [Number(c.id)]);
          if (!mine.length) return 0;
        }
        const b = await em.findOneBy(Booking, { id: Number(c.id) });
        if (!b || b.status !== 'booked' || b.remindedAt !== null) return 0;
        await em.update(Booking, { id: b.id }, { remindedAt: now });
        if (b.createdAt >= dueAt && b.slotMovedAt === null) return 0;
        const slot = (await em.findOneBy(ServiceSlot, { id: b.slotId }))!;
        const item = (await em.findOneBy(ServiceItem, { id: b.serviceId }))!;
        await notifyBooking(em, b, item, slot, 'booking_reminder', offset, now, `明天在${item.place}，请准时到场；不能到场请提前取消`);
        return 1;
      });
    }
    return reminded;
  }

  private async generate(): Promise<number> {
    const items = await this.db.manager.createQueryBuilder(ServiceItem, 'i').where("i.active = :on AND i.schedule <> '[]'", { on: true }).getMany();
    let made = 0;
    for (const item of items) {
      const offset = await this.catalogue.offset(item.communityId);
      if (item.scheduledUntil !== null && item.scheduledUntil >= addLocalDays(localDate(this.clock.now(), offset), item.advanceDays)) continue;
      made += await this.db.transaction(async (em) => {
        if (this.db.isMysql) {
          const mine: unknown[] = await em.query('SELECT id FROM service_items WHERE id = ? FOR UPDATE SKIP LOCKED', [item.id]);
          if (!mine.length) return 0;
        }
        const fresh = (await em.findOneBy(ServiceItem, { id: item.id }))!;
        return generateScheduledSlots(em, fresh, offset, this.clock.now());
      });
    }
    return made;
  }
}
