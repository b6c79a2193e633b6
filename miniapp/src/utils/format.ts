import { DEFAULT_UTC_OFFSET_MINUTES, currentDeadline, formatLocalDateTime, isLocalDate, isUtcOffsetMinutes, maskPersonalText, startOfLocalDay, type LocalDate, type TicketSummary } from '@linli/shared'

/**
 * The community's offset from UTC: times are shown as its residents live them, whatever
 * zone the phone is set to. /api/me tells it (useMe); until then, Beijing time.
 */
let communityOffset = DEFAULT_UTC_OFFSET_MINUTES

export function setCommunityOffset(minutes: number | null | undefined): void {
  communityOffset = isUtcOffsetMinutes(minutes) ? minutes : DEFAULT_UTC_OFFSET_MINUTES
}

export function communityUtcOffset(): number {
  return communityOffset
}

/** "11月23日 07:30" in the community's local time. */
export function formatDateTime(iso: string | null | undefined, offsetMinutes = communityOffset): string {
  return iso ? formatLocalDateTime(iso, offsetMinutes) : ''
}

/** A community-local day and "HH:MM" as the instant to store (UTC); null when either is not well formed. */
export function localTimeToIso(day: string, time: string, offsetMinutes = communityOffset): string | null {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(time.trim())
  if (!isLocalDate(day.trim()) || !m) return null
  return new Date(startOfLocalDay(day.trim(), offsetMinutes).getTime() + (Number(m[1]) * 60 + Number(m[2])) * 60_000).toISOString()
}

/** A local day as a chart label: '2026-11-01' → "11/1". */
export function formatDay(day: LocalDate): string {
  const [, month, date] = day.split('-').map(Number)
  return `${month}/${date}`
}

function humanDuration(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000))
  if (minutes < 60) return `${minutes}分钟`
  const hours = Math.round(minutes / 60)
  if (hours < 48) return `${hours}小时`
  return `${Math.round(hours / 24)}天`
}

export interface DueInfo {
  label: string
  overdue: boolean
}

/** The deadline a matter is racing against now (响应 before acceptance, 办结 after), as people say it. */
export function dueInfo(t: Pick<TicketSummary, 'status' | 'acceptDueAt' | 'resolveDueAt'>, now: Date = new Date()): DueInfo | null {
  const due = currentDeadline({ status: t.status, acceptDueAt: new Date(t.acceptDueAt), resolveDueAt: new Date(t.resolveDueAt) })
  if (!due) return null
  const what = t.status === 'accepted' ? '办结' : '响应'
  const left = due.getTime() - now.getTime()
  return left >= 0
    ? { label: `${what}时限剩余${humanDuration(left)}`, overdue: false }
    : { label: `${what}已超时${humanDuration(-left)}`, overdue: true }
}

/** 0.9412 → "94.1%"; null (nothing to measure) → "—", never a fake 100%. */
export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1).replace(/\.0$/, '')}%`
}

export function formatDistance(meters: number): string {
  return meters < 1000 ? `${Math.round(meters)}米` : `${(meters / 1000).toFixed(1)}公里`
}

/**
 * A phone as people may see it: 13812348000 → "138****8000". The server already masks other people's;
 * the user's own arrives whole and is masked on screen too. Anything else goes through the shared rule.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/[\s-]/g, '')
  if (/^(\+?86)?1\d{10}$/.test(digits)) {
    const local = digits.slice(-11)
    return `${local.slice(0, 3)}****${local.slice(-4)}`
  }
  return maskPersonalText(phone)
}
