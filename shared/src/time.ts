/**
 * Time as residents live it: days, weeks and months are the community's local
 * days. Storage is UTC; a district has a fixed offset from UTC (China has kept
 * no daylight saving since 1991), so plain arithmetic does the work and nothing
 * here needs a time-zone database.
 */

/** Asia/Shanghai (北京时间): UTC+8 all year. */
export const DEFAULT_UTC_OFFSET_MINUTES = 480;

/** A calendar day in local time, 'YYYY-MM-DD'. */
export type LocalDate = string;

export type TrendBucket = 'day' | 'week' | 'month';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Offsets in use on Earth run from UTC−12 to UTC+14. */
export function isUtcOffsetMinutes(minutes: unknown): minutes is number {
  return typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= -720 && minutes <= 840;
}

/** 'YYYY-MM-DD' naming a day that exists (no 2026-02-30). */
export function isLocalDate(s: unknown): s is LocalDate {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The instant, moved by the offset: its UTC fields read as the local wall clock. */
function wallClock(at: Date | string, offsetMinutes: number): Date {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(ms + offsetMinutes * MINUTE);
}

function utcMidnight(day: LocalDate): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/** The local calendar day an instant falls on. */
export function localDate(at: Date | string, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): LocalDate {
  return wallClock(at, offsetMinutes).toISOString().slice(0, 10);
}

/** The UTC instant at which the local day begins (00:00 local). */
export function startOfLocalDay(day: LocalDate, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): Date {
  return new Date(utcMidnight(day) - offsetMinutes * MINUTE);
}

export function addLocalDays(day: LocalDate, days: number): LocalDate {
  return new Date(utcMidnight(day) + days * DAY).toISOString().slice(0, 10);
}

/** How many days `[from, to]` holds, both ends counted. */
export function daysInRange(from: LocalDate, to: LocalDate): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY) + 1;
}

/** The instants `[start, end)` that the local days `from` through `to` (inclusive) cover. */
export function localDayRange(from: LocalDate, to: LocalDate, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): { start: Date; end: Date } {
  return { start: startOfLocalDay(from, offsetMinutes), end: startOfLocalDay(addLocalDays(to, 1), offsetMinutes) };
}

/** The last `days` local days, today included: "近30天" is today and the 29 days before. */
export function lastLocalDays(days: number, now: Date, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): { from: LocalDate; to: LocalDate } {
  const to = localDate(now, offsetMinutes);
  return { from: addLocalDays(to, 1 - days), to };
}

/** First day of the day, week (weeks start on Monday, 周一) or month holding `day`. */
export function bucketStart(day: LocalDate, bucket: TrendBucket): LocalDate {
  if (bucket === 'day') return day;
  if (bucket === 'month') return `${day.slice(0, 7)}-01`;
  const sinceMonday = (new Date(utcMidnight(day)).getUTCDay() + 6) % 7;
  return addLocalDays(day, -sinceMonday);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as people read it in local time: "11月23日 07:30". */
export function formatLocalDateTime(at: Date | string, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): string {
  const w = wallClock(at, offsetMinutes);
  return `${w.getUTCMonth() + 1}月${w.getUTCDate()}日 ${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`;
}
