/** The figures committees watch (接诉即办): 响应率, 解决率, 满意率, 按时办结率. */
import type { StatsOverview, StatsTrend } from '@linli/shared'
import { request } from '../services/request'
import { useResource } from './useResource'

export interface StatsRange {
  communityId: number | null
  from: string
  to: string
}

export function useStatsOverview(range: StatsRange) {
  return useResource(
    () => request<StatsOverview>('/api/stats/overview', { query: { communityId: range.communityId ?? undefined, from: range.from, to: range.to } }),
    [range.communityId, range.from, range.to],
  )
}

export function useStatsTrend(range: StatsRange, bucket: 'day' | 'week' | 'month') {
  return useResource(
    () => request<StatsTrend>('/api/stats/trend', { query: { communityId: range.communityId ?? undefined, from: range.from, to: range.to, bucket } }),
    [range.communityId, range.from, range.to, bucket],
  )
}
