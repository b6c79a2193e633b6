import { lastLocalDays, type LocalDate } from '@linli/shared'
import { communityUtcOffset } from '../utils/format'

/** The last `days` local days of the community, today included: what the stats API takes (docs/metrics.md). */
export function lastDays(days: number, now: Date = new Date(), offsetMinutes = communityUtcOffset()): { from: LocalDate; to: LocalDate } {
  return lastLocalDays(days, now, offsetMinutes)
}
