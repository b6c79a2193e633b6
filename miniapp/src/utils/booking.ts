/** 预约 as people read it: local days for the date strip, times of a slot, places left, hours. */
import { addLocalDays, localDate, type LocalDate, type SlotView } from '@linli/shared'
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

/** "12月3日（周四）09:00–10:30": when a slot is, as a resident says it. */
export function slotWhen(slot: { startsAt: string; endsAt: string }, offsetMinutes = communityUtcOffset()): string {
  const day = localDate(slot.startsAt, offsetMinutes)
  const [, m, d] = day.split('-').map(Number)
  return `${m}月${d}日（周${WEEKDAYS[weekdayOf(day)]}）${localTime(slot.startsAt, offsetMinutes)}–${localTime(slot.endsAt, offsetMinutes)}`
}

/** What the slot list says of a slot's places. */
export function placesText(slot: Pick<SlotView, 'closed' | 'closedReason' | 'placesLeft' | 'capacity' | 'waitingCount' | 'open'>): string {
  if (slot.closed) return slot.closedReason ? `已停止：${slot.closedReason}` : '已停止服务'
  if (slot.placesLeft > 0) return `剩余${slot.placesLeft}个（共${slot.capacity}个）`
  return slot.waitingCount > 0 ? `已约满，${slot.waitingCount}人候补` : '已约满，可候补'
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
