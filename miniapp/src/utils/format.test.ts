import { afterEach, describe, expect, it } from 'vitest'
import { communityUtcOffset, dueInfo, formatDateTime, formatDay, formatRate, setCommunityOffset } from './format'

const now = new Date('2026-11-23T08:00:00Z')
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString()

describe('dueInfo: the deadline a matter races against', () => {
  it('before acceptance it is the response deadline', () => {
    expect(dueInfo({ status: 'dispatched', acceptDueAt: at(90), resolveDueAt: at(3000) }, now)).toEqual({ label: '响应时限剩余2小时', overdue: false })
  })
  it('after acceptance it is the resolve deadline, and late is red', () => {
    expect(dueInfo({ status: 'accepted', acceptDueAt: at(-600), resolveDueAt: at(-30) }, now)).toEqual({ label: '办结已超时30分钟', overdue: true })
  })
  it('nothing is due once resolved', () => {
    expect(dueInfo({ status: 'resolved', acceptDueAt: at(-600), resolveDueAt: at(-30) }, now)).toBeNull()
  })
})

describe('formatRate', () => {
  it('shows percent, and a dash when there is nothing to measure (never a fake 100%)', () => {
    expect(formatRate(0.9408)).toBe('94.1%')
    expect(formatRate(1)).toBe('100%')
    expect(formatRate(null)).toBe('—')
  })
})

describe('formatDateTime: the community\'s local time, whatever zone the phone is in', () => {
  afterEach(() => setCommunityOffset(undefined))

  it.each([
    ['2026-11-22T23:30:00.000Z', '11月23日 07:30'], // a morning report is on the 23rd, not the UTC 22nd
    ['2026-11-23T15:30:00.000Z', '11月23日 23:30'],
    ['2026-11-23T16:30:00.000Z', '11月24日 00:30'],
    ['2026-12-31T16:05:00.000Z', '1月1日 00:05'],
  ])('%s reads %s in Beijing time until the community says otherwise', (iso, text) => {
    expect(formatDateTime(iso)).toBe(text)
  })

  it('follows the offset /api/me gave, and falls back to Beijing time without a valid one', () => {
    setCommunityOffset(420)
    expect(communityUtcOffset()).toBe(420)
    expect(formatDateTime('2026-11-23T16:30:00.000Z')).toBe('11月23日 23:30')
    setCommunityOffset(null)
    expect(formatDateTime('2026-11-23T16:30:00.000Z')).toBe('11月24日 00:30')
    setCommunityOffset(9999)
    expect(communityUtcOffset()).toBe(480)
  })

  it('an explicit offset wins, and nothing shows for no time', () => {
    expect(formatDateTime('2026-11-23T16:30:00.000Z', 0)).toBe('11月23日 16:30')
    expect(formatDateTime(null)).toBe('')
  })
})

describe('formatDay: a local day as a chart label', () => {
  it.each([
    ['2026-11-01', '11/1'],
    ['2026-12-31', '12/31'],
  ])('%s → %s', (day, label) => expect(formatDay(day)).toBe(label))
})
