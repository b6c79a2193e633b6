/** The figures committees watch (接诉即办): 响应率, 解决率, 满意率, 按时办结率. */
import type { StatsQuery, TrendBucket } from '@linli/shared'
import { api } from '../services/request'
import { useResource } from './useResource'

/** A range of one community's figures; none is asked for while the community is not known. */
export type StatsRange = Omit<StatsQuery, 'communityId'> & { communityId: number | null }

function query(range: StatsRange): StatsQuery {
  return { communityId: range.communityId as number, from: range.from, to: range.to }
}

export function useStatsOverview(range: StatsRange) {
  return useResource(() => api('GET /stats/overview', { query: query(range) }), [range.communityId, range.from, range.to], range.communityId !== null)
}

export function useStatsTrend(range: StatsRange, bucket: TrendBucket) {
  return useResource(() => api('GET /stats/trend', { query: { ...query(range), bucket } }), [range.communityId, range.from, range.to, bucket], range.communityId !== null)
}

/** 议事成果满意率 over the same days, beside the tickets' 满意率 (GET /stats/deliberation). */
export function useDeliberationStats(range: StatsRange) {
  return useResource(() => api('GET /stats/deliberation', { query: query(range) }), [range.communityId, range.from, range.to], range.communityId !== null)
}
