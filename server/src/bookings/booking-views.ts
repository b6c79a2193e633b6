import { In, type EntityManager } from 'typeorm';
import {
  ACTIVE_BOOKING_STATUSES,
  ELIGIBILITY_LABELS,
  allowedBookingActions,
  bookingOpensAt,
  cancelDeadline,
  localDate,
  maskPersonalText,
  type BookingDetail,
  type BookingView,
  type MyBookingOfSlot,
  type RosterEntry,
  type ServiceItemSummary,
  type ServiceProviderView,
  type SlotView,
} from '@linli/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { maskPhone } from '../common/mask.js';
import { Organisation } from '../places/entities/places.entities.js';
import { User } from '../users/entities/users.entities.js';
import { relationsTo } from './booking-access.js';
import { Booking, BookingEvent } from './entities/booking.entities.js';
import { ServiceItem, ServiceSlot } from './entities/catalogue.entities.js';

/** What the views need beside the rows: names, the community's offset. */
export interface ViewContext {
  now: Date;
  offsetOf: (communityId: number) => number;
}

export function eligibilityText(item: Pick<ServiceItem, 'eligibility'>): string {
  return item.eligibility.length ? item.eligibility.map((r) => ELIGIBILITY_LABELS[r]).join('、') : '不限';
}

export async function providerViews(em: EntityManager, items: Pick<ServiceItem, 'organisationId'>[]): Promise<Map<number | null, ServiceProviderView>> {
  const ids = [...new Set(items.map((i) => i.organisationId).filter((id): id is number => id !== null))];
  const orgs = ids.length ? await em.findBy(Organisation, { id: In(ids) }) : [];
  const map = new Map<number | null, ServiceProviderView>([[null, { kind: 'community', organisationId: null, name: '社区居委会' }]]);
  for (const o of orgs) map.set(o.id, { kind: 'organisation', organisationId: o.id, name: o.name });
  return map;
}

export function itemSummary(item: ServiceItem, provider: ServiceProviderView, nextAvailableAt: Date | null): ServiceItemSummary {
  return {
    id: item.id,
    communityId: item.communityId,
    family: item.family,
    name: item.name,
    provider,
    place: item.place,
    mode: item.mode,
    duration: item.duration,
    nextAvailableAt: nextAvailableAt?.toISOString() ?? null,
    active: item.active,
  };
}

/** A waiting booking's place in line: 1 for the first. */
export async function waitingPosition(em: EntityManager, b: Pick<Booking, 'id' | 'slotId' | 'joinedAt' | 'status'>): Promise<number | null> {
  if (b.status !== 'waiting') return null;
  const ahead = await em
    .createQueryBuilder(Booking, 'o')
    .where("o.slotId = :slot AND o.status = 'waiting' AND (o.joinedAt < :at OR (o.joinedAt = :at AND o.id < :id))", { slot: b.slotId, at: b.joinedAt, id: b.id })
    .getCount();
  return ahead + 1;
}

export function slotView(slot: ServiceSlot, item: ServiceItem, offset: number, now: Date, waitingCount: number, mine: MyBookingOfSlot | null): SlotView {
  const closed = slot.closedAt !== null;
  const opensAt = bookingOpensAt(slot, item.advanceDays, offset);
  return {
    id: slot.id,
    serviceId: slot.serviceId,
    startsAt: slot.startsAt.toISOString(),
    endsAt: slot.endsAt.toISOString(),
    date: slot.localDate,
    capacity: slot.capacity,
    placesLeft: closed ? 0 : Math.max(0, slot.capacity - slot.taken),
    waitingCount,
    volunteerCapacity: slot.volunteerCapacity,
    volunteerPlacesLeft: closed ? 0 : Math.max(0, slot.volunteerCapacity - slot.volunteerTaken),
    closed,
    closedReason: slot.closedReason,
    movedAt: slot.movedAt?.toISOString() ?? null,
    open: !closed && item.active && now >= opensAt && now < slot.startsAt,
    opensAt: opensAt.toISOString(),
    myBooking: mine,
  };
}

/** Waiting counts of these slots, in one query. */
export async function waitingCounts(em: EntityManager, slotIds: number[]): Promise<Map<number, number>> {
  if (!slotIds.length) return new Map();
  const rows = await em
    .createQueryBuilder(Booking, 'b')
    .select('b.slotId', 'slotId')
    .addSelect('COUNT(*)', 'n')
    .where("b.slotId IN (:...ids) AND b.status = 'waiting'", { ids: slotIds })
    .groupBy('b.slotId')
    .getRawMany<{ slotId: number; n: number | string }>();
  return new Map(rows.map((r) => [Number(r.slotId), Number(r.n)]));
}

/** The caller's own live (else latest) booking of each of these slots. */
export async function myBookings(em: EntityManager, userId: number, slotIds: number[]): Promise<Map<number, MyBookingOfSlot>> {
  if (!slotIds.length) return new Map();
  const rows = await em.find(Booking, { where: { userId, slotId: In(slotIds) }, order: { id: 'ASC' } });
  const map = new Map<number, MyBookingOfSlot>();
  for (const b of rows) {
    const current = map.get(b.slotId);
    if (current && (ACTIVE_BOOKING_STATUSES as string[]).includes(current.status) && !(ACTIVE_BOOKING_STATUSES as string[]).includes(b.status)) continue;
    map.set(b.slotId, { id: b.id, status: b.status, role: b.role, waitingPosition: await waitingPosition(em, b) });
  }
  return map;
}

/**
 * Bookings as the caller reads them: the check-in code only for the holder and the booker, the rating comment for
 * the provider only when content security did not hold it, staff's words (none here) masked for residents.
 */
export async function bookingViews(em: EntityManager, user: AuthUser, bookings: Booking[], ctx: ViewContext): Promise<BookingView[]> {
  if (!bookings.length) return [];
  const slots = new Map((await em.findBy(ServiceSlot, { id: In([...new Set(bookings.map((b) => b.slotId))]) })).map((s) => [s.id, s]));
  const items = new Map((await em.findBy(ServiceItem, { id: In([...new Set(bookings.map((b) => b.serviceId))]) })).map((i) => [i.id, i]));
  const providers = await providerViews(em, [...items.values()]);
  const people = new Map(
    (await em.find(User, { where: { id: In([...new Set(bookings.flatMap((b) => [b.userId, b.bookedById ?? b.userId]))]) }, select: { id: true, name: true, phone: true } })).map((u) => [u.id, u]),
  );
  const views: BookingView[] = [];
  for (const b of bookings) {
    const slot = slots.get(b.slotId)!;
    const item = items.get(b.serviceId)!;
    const relations = relationsTo(user, b, item);
    const own = relations.includes('holder') || relations.includes('booker');
    const holder = people.get(b.userId);
    const booker = b.bookedById !== null ? people.get(b.bookedById) : undefined;
    const state = { status: b.status, offerExpiresAt: b.offerExpiresAt, rating: b.rating, slotMovedAt: b.slotMovedAt };
    views.push({
      id: b.id,
      status: b.status,
      role: b.role,
      service: { id: item.id, name: item.name, family: item.family, place: item.place, provider: providers.get(item.organisationId)!, mode: item.mode },
      slot: { id: slot.id, startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString(), date: slot.localDate, movedAt: slot.movedAt?.toISOString() ?? null, closed: slot.closedAt !== null },
      communityId: b.communityId,
      holder: { id: b.userId, name: holder?.name ?? '', phone: maskPhone(holder?.phone) },
      bookedBy: booker ? { id: booker.id, name: booker.name } : null,
      waitingPosition: await waitingPosition(em, b),
      offerExpiresAt: b.offerExpiresAt?.toISOString() ?? null,
      cancelUntil: (b.slotMovedAt !== null ? slot.startsAt : cancelDeadline(slot, item.cancelCutoffMinutes)).toISOString(),
      checkInCode: own ? b.checkInCode : null,
      checkedInAt: b.checkedInAt?.toISOString() ?? null,
      rating: b.rating,
      ratingComment: b.ratingComment === null ? null : own ? b.ratingComment : b.ratingCommentHeld ? null : b.ratingComment,
      paidMinutes: b.paidMinutes,
      createdAt: b.createdAt.toISOString(),
      cancelledAt: b.cancelledAt?.toISOString() ?? null,
      allowedActions: allowedBookingActions(state, relations, { now: ctx.now, slot, cancelCutoffMinutes: item.cancelCutoffMinutes }),
    });
  }
  return views;
}

export async function bookingDetail(em: EntityManager, user: AuthUser, booking: Booking, ctx: ViewContext): Promise<BookingDetail> {
  const [view] = await bookingViews(em, user, [booking], ctx);
  const events = await em.find(BookingEvent, { where: { bookingId: booking.id }, order: { id: 'ASC' } });
  const actors = new Map(
    (await em.find(User, { where: { id: In([...new Set(events.map((e) => e.actorId).filter((id): id is number => id !== null))]) }, select: { id: true, name: true } })).map((u) => [u.id, u]),
  );
  const resident = view.holder.id === user.id;
  return {
    ...view,
    timeline: events.map((e) => ({
      id: e.id,
      type: e.type,
      actor: e.actorId !== null && actors.has(e.actorId) ? { id: e.actorId, name: actors.get(e.actorId)!.name } : null,
      // Staff's reasons (a closed day, a moved slot) reach the resident through the one masking rule.
      note: e.note === null ? null : resident ? maskPersonalText(e.note) : e.note,
      at: e.at.toISOString(),
    })),
  };
}

export function rosterEntry(b: Booking, name: string, phone: string | null, booker: { id: number; name: string } | null, position: number | null, allowed: RosterEntry['allowedActions']): RosterEntry {
  return { bookingId: b.id, status: b.status, role: b.role, name, phone: maskPhone(phone), bookedBy: booker, waitingPosition: position, checkedInAt: b.checkedInAt?.toISOString() ?? null, allowedActions: allowed };
}
