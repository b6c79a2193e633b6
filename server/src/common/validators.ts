import { ValidateBy, type ValidationOptions } from 'class-validator';

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** A real calendar date, or date and time with a zone: no week dates, no 2026-02-30, no hour 24. */
export function isRealInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = INSTANT.exec(value);
  if (!m) return false;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  const sameDay = day.getUTCFullYear() === Number(y) && day.getUTCMonth() === Number(mo) - 1 && day.getUTCDate() === Number(d);
  return sameDay && Number(h) < 24 && Number(mi) < 60 && Number(s) < 60 && !Number.isNaN(new Date(value).getTime());
}

export function IsRealInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'isRealInstant', validator: { validate: isRealInstant, defaultMessage: (a) => `${a?.property} 应为真实的日期或时间，如 2026-11-23 或 2026-11-23T08:00:00+08:00` } },
    options,
  );
}
