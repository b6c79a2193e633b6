import { In, IsNull, LessThan, MoreThan, Not, type EntityManager } from 'typeorm';
import { ACTIVE_BOOKING_STATUSES, localDate } from '@linli/shared';
import { AppError } from '../common/app-error.js';
import type { Db } from '../database/db.js';
import { Booking } from './entities/booking.entities.js';
import { ServiceClosure, ServiceItem, ServiceSlot } from './entities/catalogue.entities.js';
import { lockSlot } from './booking-queue.js';

/**
 * A venue (场地) held for something outside 预约, such as a 恳谈会 of 议事, by the booking module's own rules:
 * the hold is a slot of the venue for that time, closed to bookings from birth (`closedAt`, `closedReason`) and
 * marked `heldFor` (the holder's key, e.g. `meeting:12`). A slot of the venue overlapping the time that nobody has
 * booked is closed for the hold too (and reopened when it is released); one with a booking, a waiting list, or
 * another hold is a clash (409 VENUE_TAKEN), and a closed day of the venue or a stopped slot is 409 VENUE_CLOSED. The venue's row is
 * locked (MySQL) while a hold is placed, so two holds of one venue take turns; a resident's booking and a hold meet
 * on the slot's lock (the booking takes a place only while the slot is open).
 */
export interface VenueHold {
  venueId: number;
  communityId: number;
  startsAt: Date;
  endsAt: Date;
  heldFor: string;
  /** Shown on the venue's slots while held (e.g. 恳谈会：门禁更换). */
  reason: string;
  utcOffsetMinutes: number;
}

/** The venue items of a community a hold may name: active, of family 'venue', booked by time slots. */
export async function venueOf(em: EntityManager, communityId: number, venueId: number): Promise<ServiceItem> {
  const item = await em.findOneBy(ServiceItem, { id: venueId, communityId, family: 'venue', active: true, mode: 'slots' });
  if (!item) throw new AppError(422, 'UNKNOWN_VENUE', '所选场地不是本社区可预约的场地，请重新选择或填写会议地点');
  return item;
}

/** Places the hold; answers the id of the slot made for it (null when a free slot with the same start was taken over). */
export async function holdVenue(em: EntityManager, db: Db, hold: VenueHold, now: Date): Promise<number | null> {
  if (db.isMysql) await em.query('SELECT id FROM service_items WHERE id = ? FOR UPDATE', [hold.venueId]);
  const item = await venueOf(em, hold.communityId, hold.venueId);
  const days = [...new Set([localDate(hold.startsAt, hold.utcOffsetMinutes), localDate(new Date(hold.endsAt.getTime() - 1), hold.utcOffsetMinutes)])];
  const closure = await em.findOne(ServiceClosure, { where: { serviceId: item.id, date: In(days) } });
  if (closure) throw new AppError(409, 'VENUE_CLOSED', `${item.name}在${closure.date}不开放（${closure.reason}），请另选日期或场地`);
  const overlapping = await em.find(ServiceSlot, { where: { serviceId: item.id, startsAt: LessThan(hold.endsAt), endsAt: MoreThan(hold.startsAt) }, order: { startsAt: 'ASC' } });
  const hhmm = (d: Date) => new Date(d.getTime() + hold.utcOffsetMinutes * 60_000).toISOString().slice(11, 16);
  const taken = (s: ServiceSlot) => new AppError(409, 'VENUE_TAKEN', `${item.name}在${s.localDate} ${hhmm(s.startsAt)}–${hhmm(s.endsAt)}已被占用或已有居民预约，请另选时间或场地`);
  const absorb: number[] = [];
  let sameStart = false;
  for (const s of overlapping) {
    if (s.heldFor !== null && s.heldFor !== hold.heldFor) throw taken(s);
    // Stopped by its provider (停止服务): the venue is not open then.
    if (s.closedAt !== null) throw new AppError(409, 'VENUE_CLOSED', `${item.name}在${s.localDate} ${hhmm(s.startsAt)}–${hhmm(s.endsAt)}已停止服务（${s.closedReason ?? ''}），请另选时间或场地`);
    const slot = (await lockSlot(em, db, s.id))!;
    const live = await em.countBy(Booking, { slotId: s.id, status: In([...ACTIVE_BOOKING_STATUSES]) });
    if ((slot.taken > 0 || slot.volunteerTaken > 0 || live > 0)) throw taken(slot);
    absorb.push(slot.id);
    if (slot.startsAt.getTime() === hold.startsAt.getTime()) sameStart = true;
  }
  if (absorb.length) await em.update(ServiceSlot, { id: In(absorb) }, { closedAt: now, closedReason: hold.reason, heldFor: hold.heldFor });
  if (sameStart) return null;
  const r = await em.insert(ServiceSlot, {
    serviceId: item.id,
    communityId: item.communityId,
    startsAt: hold.startsAt,
    endsAt: hold.endsAt,
    localDate: localDate(hold.startsAt, hold.utcOffsetMinutes),
    capacity: 0,
    taken: 0,
    volunteerCapacity: 0,
    volunteerTaken: 0,
    closedAt: now,
    closedReason: hold.reason,
    movedAt: null,
    heldFor: hold.heldFor,
    createdAt: now,
  });
  return r.identifiers[0].id as number;
}

/** Releases a hold: the slot made for it goes, the slots it closed open again. */
export async function releaseVenue(em: EntityManager, heldFor: string, ownSlotId: number | null): Promise<void> {
  if (ownSlotId !== null) await em.delete(ServiceSlot, { id: ownSlotId, heldFor });
  await em.update(ServiceSlot, { heldFor }, { closedAt: null, closedReason: null, heldFor: null });
}

/** Whether [startsAt, endsAt) of the venue overlaps a hold (other than the slot `exceptId`): a slot may not be added there. */
export async function heldOverlap(em: EntityManager, serviceId: number, startsAt: Date, endsAt: Date, exceptId?: number): Promise<ServiceSlot | null> {
  return em.findOne(ServiceSlot, { where: { serviceId, heldFor: Not(IsNull()), startsAt: LessThan(endsAt), endsAt: MoreThan(startsAt), ...(exceptId ? { id: Not(exceptId) } : {}) } });
}
