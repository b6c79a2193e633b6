/** 预约 as people read it: local days for the date strip, times of a slot, places left, hours. */
import { addLocalDays, localDate, type LocalDate, type ServiceMode, type SlotView } from '@linli/shared'
import { communityUtcOffset } from './format'

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

export interface StripDay {
  date: LocalDate
  /** 今天, 明天, 周三 */
  label: string
  /** 12/3 */
  short: string
}

/** The weekday of a local day, 0 Sunday … 6 Saturday (the date alone decides it: no time zone involved). */
function weekdayOf(day: LocalDate): number {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay()
}

/** The community's local days from today, `count` of them: the item page's date strip. */
export function dateStrip(count: number, now: Date = new Date(), offsetMinutes = communityUtcOffset()): StripDay[] {
  const today = localDate(now, offsetMinutes)
  return Array.from({ length: Math.max(1, count) }, (_, i) => {
    const date = addLocalDays(today, i)
    const [, m, d] = date.split('-').map(Number)
    return { date, label: i === 0 ? '今天' : i === 1 ? '明天' : `周${WEEKDAYS[weekdayOf(date)]}`, short: `${m}/${d}` }
  })
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** "09:00" in the community's local time. */
export function localTime(iso: string, offsetMinutes = communityUtcOffset()): string {
  const wall = new Date(new Date(iso).getTime() + offsetMinutes * 60_000)
  return `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`
}

/**
 * The words of an item's mode: time slots are booked (预约 a 时段, places 个); units for a period — garden plots for
 * a season — are claimed (认领 a 认领期, 块 of them).
 */
export function modeWords(mode: ServiceMode = 'slots'): { book: string; slot: string; unit: string } {
  return mode === 'units' ? { book: '认领', slot: '认领期', unit: '块' } : { book: '预约', slot: '时段', unit: '个' }
}

/** The last local day of a period stored as [start, end): the day before the end's midnight. */
export function lastDayOf(endsAt: string, offsetMinutes = communityUtcOffset()): LocalDate {
  return localDate(new Date(new Date(endsAt).getTime() - 1), offsetMinutes)
}

function monthDay(day: LocalDate, withYear = false): string {
  const [y, m, d] = day.split('-').map(Number)
  return `${withYear ? `${y}年` : ''}${m}月${d}日`
}

/**
 * When a slot is, as a resident says it: "12月3日（周四）09:00–10:30"; a `units` period by its days,
 * "2027年3月1日至8月31日" (the end is the midnight after the last day).
 */
export function slotWhen(slot: { startsAt: string; endsAt: string }, offsetMinutes = communityUtcOffset(), mode: ServiceMode = 'slots'): string {
  const day = localDate(slot.startsAt, offsetMinutes)
  if (mode === 'units') {
    const last = lastDayOf(slot.endsAt, offsetMinutes)
    return `${monthDay(day, true)}至${monthDay(last, last.slice(0, 4) !== day.slice(0, 4))}`
  }
  return `${monthDay(day)}（周${WEEKDAYS[weekdayOf(day)]}）${localTime(slot.startsAt, offsetMinutes)}–${localTime(slot.endsAt, offsetMinutes)}`
}

/** What the slot list says of a slot's places (块 of a garden's plots). */
export function placesText(slot: Pick<SlotView, 'closed' | 'closedReason' | 'placesLeft' | 'capacity' | 'waitingCount' | 'open'>, mode: ServiceMode = 'slots'): string {
  const { unit } = modeWords(mode)
  if (slot.closed) return slot.closedReason ? `已停止：${slot.closedReason}` : '已停止服务'
  if (slot.placesLeft > 0) return `剩余${slot.placesLeft}${unit}（共${slot.capacity}${unit}）`
  const full = mode === 'units' ? '已认领完' : '已约满'
  return slot.waitingCount > 0 ? `${full}，${slot.waitingCount}人候补` : `${full}，可候补`
}

/** Minutes as hours and minutes: 90 → "1小时30分钟", 0 → "0小时". */
export function hoursText(minutes: number): string {
  const sign = minutes < 0 ? '-' : ''
  const m = Math.abs(minutes)
  const h = Math.floor(m / 60)
  const rest = m % 60
  return `${sign}${h ? `${h}小时` : ''}${rest ? `${rest}分钟` : h ? '' : '0小时'}`
}

/** A cut-off in minutes as people say it: 1440 → "1天", 120 → "2小时", 30 → "30分钟". */
export function minutesAsWords(minutes: number): string {
  if (minutes % 1440 === 0 && minutes > 0) return `${minutes / 1440}天`
  if (minutes % 60 === 0 && minutes > 0) return `${minutes / 60}小时`
  return `${minutes}分钟`
}

/** A check-in code read aloud and shown in groups: "482913" → "482 913". */
export function spacedCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code
}

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/

/** "09:00" typed by staff, or null when it is not a time of day. */
export function clockMinutes(text: string): number | null {
  const m = CLOCK.exec(text.trim())
  return m ? Number(m[1]) * 60 + Number(m[2]) : null
}

/** The instant of a local day's wall-clock time ("09:00") in the community, as stored (UTC ISO). */
export function localInstant(day: LocalDate, clock: string, offsetMinutes = communityUtcOffset()): string {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d) + ((clockMinutes(clock) ?? 0) - offsetMinutes) * 60_000).toISOString()
}
