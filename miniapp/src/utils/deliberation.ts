/** 议事's words for what the contract names in English (display only; the rules are in @linli/shared). */
import { addLocalDays, localDate, type BoardEntryKind, type LocalDate, type TopicParty } from '@linli/shared'
import { localTimeToIso } from './format'

export const BOARD_KIND_LABELS: Record<BoardEntryKind, string> = {
  decision: '表决结果',
  minutes: '会议纪要',
  plan: '方案公示',
  review: '审查意见',
  progress: '落实进度',
  declined: '不予受理',
}

export const TOPIC_PARTY_LABELS: Record<TopicParty, string> = {
  resident: '居民',
  committee: '居委会',
  owners_committee: '业委会',
  grid_worker: '网格员',
  property_company: '物业公司',
  social_organisation: '社会组织',
  partner: '共建单位',
}

/**
 * The owners' committee's name when the user speaks for it in this community (the server's partyOf: a
 * committee member speaks as 居委会 first), else null: residents comment as themselves.
 */
export function ownersCommitteeLabel(roles: readonly { role: string; communityId: number | null }[] | undefined, communityId: number): string | null {
  if (!roles) return null
  if (roles.some((r) => r.role === 'committee_member' && r.communityId === communityId)) return null
  return roles.some((r) => r.role === 'owners_committee' && r.communityId === communityId) ? TOPIC_PARTY_LABELS.owners_committee : null
}

/** A day chip: the local day, and how people read it (今天 / 明天 first, then 12月3日 周四). */
export interface DayChoice {
  day: LocalDate
  label: string
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** Meetings start in daytime, every half hour from 08:00 to 20:30 local. */
export const MEETING_START_TIMES: readonly string[] = Array.from({ length: 26 }, (_, i) => `${String(8 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`)

/** How long a meeting lasts, in minutes, with its words. */
export const MEETING_DURATIONS: readonly { minutes: number; label: string }[] = [
  { minutes: 60, label: '1小时' },
  { minutes: 90, label: '1个半小时' },
  { minutes: 120, label: '2小时' },
  { minutes: 180, label: '3小时' },
]

function dayLabel(day: LocalDate, index: number): string {
  const d = new Date(`${day}T00:00:00Z`)
  const words = `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${WEEKDAYS[d.getUTCDay()]}`
  return index === 0 ? `今天 ${words}` : index === 1 ? `明天 ${words}` : words
}

/** The start times still ahead on `day` (all of them on a later day; none once the last has passed today). */
export function startTimesOn(day: LocalDate, now: Date, offsetMinutes: number): string[] {
  return MEETING_START_TIMES.filter((hhmm) => Date.parse(localTimeToIso(day, hhmm, offsetMinutes) as string) > now.getTime())
}

/** Today and the next 13 local days of the community; today only while a start time is still ahead. */
export function meetingDays(now: Date, offsetMinutes: number, count = 14): DayChoice[] {
  const today = localDate(now, offsetMinutes)
  const days = Array.from({ length: count }, (_, i) => ({ day: addLocalDays(today, i), label: dayLabel(addLocalDays(today, i), i) }))
  return startTimesOn(today, now, offsetMinutes).length ? days : days.slice(1)
}

/** The instants a meeting picked as day, start and length covers. */
export function meetingTimes(day: LocalDate, start: string, minutes: number, offsetMinutes: number): { startsAt: string; endsAt: string } {
  const startsAt = localTimeToIso(day, start, offsetMinutes) as string
  return { startsAt, endsAt: new Date(Date.parse(startsAt) + minutes * 60_000).toISOString() }
}
