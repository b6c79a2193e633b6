import { afterEach, describe, expect, it } from 'vitest'
import { setCommunityOffset } from '../utils/format'
import { lastDays } from './range'

describe("the dashboard's ranges are the community's local days, today included", () => {
  afterEach(() => setCommunityOffset(undefined))

  it('at 23:30 Beijing time on the 23rd the last 30 days end on the 23rd', () => {
    expect(lastDays(30, new Date('2026-11-23T15:30:00.000Z'))).toEqual({ from: '2026-10-25', to: '2026-11-23' })
  })

  it('at 00:30 on the 24th they end on the 24th, though UTC is still on the 23rd', () => {
    expect(lastDays(30, new Date('2026-11-23T16:30:00.000Z'))).toEqual({ from: '2026-10-26', to: '2026-11-24' })
    expect(lastDays(1, new Date('2026-11-23T16:30:00.000Z'))).toEqual({ from: '2026-11-24', to: '2026-11-24' })
  })

  it("in a community on another offset, by that community's clock", () => {
    setCommunityOffset(420) // 2026-11-23T16:30Z is 23:30 on the 23rd at UTC+7
    expect(lastDays(7, new Date('2026-11-23T16:30:00.000Z'))).toEqual({ from: '2026-11-17', to: '2026-11-23' })
  })
})
