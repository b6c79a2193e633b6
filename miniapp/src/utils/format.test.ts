import { describe, expect, it } from 'vitest'
import { dueInfo, formatRate } from './format'

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
