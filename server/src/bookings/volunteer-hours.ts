import type { EntityManager } from 'typeorm';
import { AppError } from '../common/app-error.js';
import type { Db } from '../database/db.js';
import { VolunteerHourEntry } from './entities/booking.entities.js';
import type { Booking } from './entities/booking.entities.js';

/** 爱心银行: a balance is the sum of the entries. */
export async function hoursBalance(em: EntityManager, userId: number): Promise<number> {
  const row = await em.createQueryBuilder(VolunteerHourEntry, 'e').select('COALESCE(SUM(e.minutes), 0)', 'total').where('e.userId = :userId', { userId }).getRawOne<{ total: number | string }>();
  return Number(row?.total ?? 0);
}

/**
 * Takes a person's hours for a booking. Their user row is locked first (MySQL; SQLite runs one transaction at a
 * time), so two exchanges racing read the balance one after the other and the second sees the first's entry:
 * the balance never goes below zero.
 */
export async function payWithHours(em: EntityManager, db: Db, userId: number, minutes: number, booking: Pick<Booking, 'id'>, reason: string, at: Date): Promise<void> {
  if (db.isMysql) await em.query('SELECT id FROM users WHERE id = ? FOR UPDATE', [userId]);
  const balance = await hoursBalance(em, userId);
  if (balance < minutes) {
    throw new AppError(409, 'HOURS_INSUFFICIENT', `志愿时长不足：需要${hours(minutes)}，当前余额${hours(balance)}。可以先参加志愿服务积累时长，或直接预约`);
  }
  await em.insert(VolunteerHourEntry, { userId, minutes: -minutes, kind: 'exchanged', reason: reason.slice(0, 100), bookingId: booking.id, confirmedById: null, createdAt: at });
}

/** Gives back what a cancelled, closed or expired booking paid (once: unique per booking and kind). */
export async function refundHours(em: EntityManager, b: Pick<Booking, 'id' | 'userId' | 'paidMinutes'>, reason: string, at: Date): Promise<void> {
  if (b.paidMinutes <= 0) return;
  if (await em.findOneBy(VolunteerHourEntry, { bookingId: b.id, kind: 'refunded' })) return;
  await em.insert(VolunteerHourEntry, { userId: b.userId, minutes: b.paidMinutes, kind: 'refunded', reason: reason.slice(0, 100), bookingId: b.id, confirmedById: null, createdAt: at });
}

/** A volunteer's attendance, confirmed by the provider who checked them in, earns the item's hours (once). */
export async function earnHours(em: EntityManager, b: Pick<Booking, 'id' | 'userId'>, minutes: number, confirmedById: number, reason: string, at: Date): Promise<boolean> {
  if (minutes <= 0) return false;
  if (await em.findOneBy(VolunteerHourEntry, { bookingId: b.id, kind: 'earned' })) return false;
  await em.insert(VolunteerHourEntry, { userId: b.userId, minutes, kind: 'earned', reason: reason.slice(0, 100), bookingId: b.id, confirmedById, createdAt: at });
  return true;
}

export function hours(minutes: number): string {
  const h = Math.floor(Math.abs(minutes) / 60);
  const m = Math.abs(minutes) % 60;
  return `${minutes < 0 ? '-' : ''}${h ? `${h}小时` : ''}${m || !h ? `${m}分钟` : ''}`;
}
