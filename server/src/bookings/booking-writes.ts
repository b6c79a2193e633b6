import type { EntityManager } from 'typeorm';
import { NOTIFICATION_KINDS, formatLocalDateTime, maskPersonalText, type BookingEventType, type NotificationKind } from '@linli/shared';
import { enqueueNotifications } from '../notifications/outbox.js';
import { Booking, BookingEvent } from './entities/booking.entities.js';
import type { ServiceItem, ServiceSlot } from './entities/catalogue.entities.js';

export type BookingNoticeKind = Extract<NotificationKind, `booking_${string}` | 'volunteer_hours_earned'>;

/**
 * A booking's timeline entry and its outbox rows, written in the caller's transaction. Recipients are the
 * roles NOTIFICATION_KINDS names: the holder (reads it as a resident, staff's words masked) and the booker
 * (the grid worker, as written).
 */
export async function recordBookingEvent(em: EntityManager, bookingId: number, type: BookingEventType, actorId: number | null, note: string | null, at: Date): Promise<void> {
  await em.insert(BookingEvent, { bookingId, type, actorId, note: note?.slice(0, 200) ?? null, at });
}

export async function notifyBooking(
  em: EntityManager,
  b: Pick<Booking, 'id' | 'userId' | 'bookedById' | 'communityId'>,
  item: Pick<ServiceItem, 'name'>,
  slot: Pick<ServiceSlot, 'startsAt'>,
  kind: BookingNoticeKind,
  offsetMinutes: number,
  at: Date,
  note: string | null = null,
  deliverAt: Date = at,
): Promise<void> {
  const recipients = NOTIFICATION_KINDS[kind].recipients as readonly string[];
  const base = `${item.name} ${formatLocalDateTime(slot.startsAt, offsetMinutes)}`;
  const draft = (text: string | null) => ({ type: kind, title: NOTIFICATION_KINDS[kind].label, body: text ? `${base}：${text}` : base, ticketId: null, bookingId: b.id, communityId: b.communityId });
  if (recipients.includes('holder')) await enqueueNotifications(em, [b.userId], draft(note === null ? null : maskPersonalText(note)), deliverAt, 'resident');
  if (recipients.includes('booker') && b.bookedById !== null && b.bookedById !== b.userId) await enqueueNotifications(em, [b.bookedById], draft(note), deliverAt, 'handler');
}
