import { In, type EntityManager } from 'typeorm';
import {
  PLACE_HOLDING_STATUSES,
  advanceQueue,
  applyBookingTransition,
  type BookingAction,
  type BookingCommand,
  type BookingEventType,
  type BookingRelation,
  type BookingResult,
  type BookingStatus,
} from '@linli/shared';
import type { Db } from '../database/db.js';
import { Booking, BookingHelpRequest } from './entities/booking.entities.js';
import { ServiceItem, ServiceSlot } from './entities/catalogue.entities.js';
import { notifyBooking, recordBookingEvent } from './booking-writes.js';
import { refundHours } from './volunteer-hours.js';

const EVENT_OF: Record<BookingAction, BookingEventType> = {
  cancel: 'cancelled',
  close: 'closed',
  offer: 'offered',
  confirm: 'confirmed',
  expire: 'expired',
  check_in: 'checked_in',
  mark_no_show: 'no_show',
  rate: 'rated',
};

const holds = (s: BookingStatus) => PLACE_HOLDING_STATUSES.includes(s);
/** A booking still counts (for the one-per-slot rule) until it is cancelled or expired. */
export const liveFlag = (s: BookingStatus): number | null => (s === 'cancelled' || s === 'expired' ? null : 1);

/** The slot's row, locked for the rest of the transaction on MySQL (SQLite's transactions are serial). */
export async function lockSlot(em: EntityManager, db: Db, slotId: number, skipLocked = false): Promise<ServiceSlot | null> {
  if (db.isMysql) {
    const rows: { id: number }[] = await em.query(`SELECT id FROM service_slots WHERE id = ? FOR UPDATE${skipLocked ? ' SKIP LOCKED' : ''}`, [slotId]);
    if (!rows.length) return null;
  }
  return em.findOneBy(ServiceSlot, { id: slotId });
}

/**
 * Persists what the shared machine decided for one booking: its columns (only if nobody changed it since it was
 * read: false when the optimistic lock lost), the slot's count when a place is taken back or given up, its
 * timeline entry, its notices, and the refund of hours a cancelled or expired booking paid.
 */
export async function persistTransition(
  em: EntityManager,
  b: Booking,
  item: ServiceItem,
  slot: ServiceSlot,
  command: BookingCommand,
  result: Extract<BookingResult, { ok: true }>,
  actorId: number | null,
  offset: number,
  now: Date,
  note: string | null = null,
): Promise<boolean> {
  const before = b.status;
  const after = result.changes.status ?? before;
  const changes = { ...result.changes, live: liveFlag(after), updatedAt: now };
  const updated = await em
    .createQueryBuilder()
    .update(Booking)
    .set({ ...changes, version: () => 'version + 1' })
    .where('id = :id AND version = :version', { id: b.id, version: b.version })
    .execute();
  if (updated.affected !== 1) return false;
  Object.assign(b, changes, { version: b.version + 1 });
  if (holds(before) && !holds(after)) {
    const column = b.role === 'volunteer' ? 'volunteerTaken' : 'taken';
    await em.createQueryBuilder().update(ServiceSlot).set({ [column]: () => `${column} - 1` }).where(`id = :id AND ${column} > 0`, { id: slot.id }).execute();
    if (b.role === 'volunteer') slot.volunteerTaken -= 1;
    else slot.taken -= 1;
  }
  await recordBookingEvent(em, b.id, EVENT_OF[command.action], actorId, note ?? (command.action === 'close' ? command.reason : null), now);
  for (const n of result.notices) await notifyBooking(em, b, item, slot, n.kind, offset, now, command.action === 'close' ? command.reason : null);
  if (after === 'cancelled' || after === 'expired') await refundHours(em, b, `${item.name}预约${after === 'cancelled' ? '取消' : '过期'}退回`, now);
  return true;
}

/**
 * The waiting list of one slot, under the slot's lock (so two cancellations racing promote once): offers past
 * their time expire and give their place back, free places go to the first in line (held OFFER_HOLD_MINUTES),
 * and once the slot has started whoever still waits is told it did not come through.
 */
export async function advanceSlot(em: EntityManager, slot: ServiceSlot, item: ServiceItem, offset: number, now: Date): Promise<{ offered: number; expired: number }> {
  const queue = await em.find(Booking, { where: { slotId: slot.id, role: 'participant', status: In(['waiting', 'offered']) }, order: { joinedAt: 'ASC', id: 'ASC' } });
  if (!queue.length) return { offered: 0, expired: 0 };
  const system: BookingRelation[] = ['system'];
  const ctx = { now, relations: system, slot, cancelCutoffMinutes: item.cancelCutoffMinutes };
  let offered = 0;
  let expired = 0;
  const expire = async (b: Booking) => {
    const r = applyBookingTransition(b, { action: 'expire' }, ctx);
    if (r.ok && (await persistTransition(em, b, item, slot, { action: 'expire' }, r, null, offset, now))) expired += 1;
  };
  if (slot.closedAt !== null) return { offered, expired };
  if (now >= slot.startsAt) {
    for (const b of queue) await expire(b);
    return { offered, expired };
  }
  const plan = advanceQueue(queue, Math.max(0, slot.capacity - slot.taken), now);
  for (const id of plan.expire) await expire(queue.find((b) => b.id === id)!);
  for (const id of plan.offer) {
    const b = queue.find((q) => q.id === id)!;
    const r = applyBookingTransition(b, { action: 'offer' }, ctx);
    if (!r.ok) continue;
    // The place is taken by the offer: the same conditional update as a booking, so the count never passes the capacity.
    const took = await em.createQueryBuilder().update(ServiceSlot).set({ taken: () => 'taken + 1' }).where('id = :id AND taken < capacity', { id: slot.id }).execute();
    if (took.affected !== 1) break;
    slot.taken += 1;
    if (await persistTransition(em, b, item, slot, { action: 'offer' }, r, null, offset, now)) offered += 1;
    else {
      await em.createQueryBuilder().update(ServiceSlot).set({ taken: () => 'taken - 1' }).where('id = :id', { id: slot.id }).execute();
      slot.taken -= 1;
    }
  }
  return { offered, expired };
}

/**
 * 注销: the person's bookings still to come are cancelled (whatever the cut-off: nobody will come), each place going
 * to the first in line; an open help request is withdrawn and its note forgotten. Past bookings stay, as tickets do,
 * so the figures stay true; the user row they point to is emptied by the caller.
 */
export async function giveUpBookings(em: EntityManager, db: Db, userId: number, now: Date): Promise<void> {
  const live = await em.find(Booking, { where: { userId, status: In(['booked', 'waiting', 'offered']) }, order: { id: 'ASC' } });
  for (const found of live) {
    const slot = (await lockSlot(em, db, found.slotId))!;
    const b = (await em.findOneBy(Booking, { id: found.id }))!;
    const item = (await em.findOneBy(ServiceItem, { id: b.serviceId }))!;
    if (!['booked', 'waiting', 'offered'].includes(b.status)) continue;
    const result = { ok: true as const, changes: { status: 'cancelled' as const, cancelledAt: now, offerExpiresAt: null }, freesPlace: holds(b.status), notices: [] };
    if (!(await persistTransition(em, b, item, slot, { action: 'cancel' }, result, null, 0, now, '账号已注销'))) continue;
    if (result.freesPlace && b.role === 'participant') {
      const offset = (await em.query('SELECT d.utcOffsetMinutes AS o FROM communities c JOIN districts d ON d.id = c.districtId WHERE c.id = ?', [item.communityId]))[0]?.o;
      await advanceSlot(em, slot, item, Number(offset ?? 480), now);
    }
  }
  await em.update(BookingHelpRequest, { userId, open: 1 }, { status: 'withdrawn', open: null, handledAt: now });
  await em.update(BookingHelpRequest, { userId }, { note: null });
}
