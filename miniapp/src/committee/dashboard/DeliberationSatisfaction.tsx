import { Text, View } from '@tarojs/components'
import type { DeliberationStats } from '@linli/shared'
import { formatRate } from '../../utils/format'

/** The two 满意率 side by side, in words: the bars' text alternative and what a screen reader reads. */
export function satisfactionSummary(d: DeliberationStats): string {
  const r = d.ratings
  const rated = r.satisfied + r.basically_satisfied + r.unsatisfied
  const results = rated === 0 ? '议事成果满意率：还没有居民评价' : `议事成果满意率${formatRate(r.satisfactionRate)}（${rated}户评价：满意${r.satisfied}，基本满意${r.basically_satisfied}，不满意${r.unsatisfied}）`
  return `${results}；报事满意率${d.ticketSatisfactionRate === null ? '：还没有评价' : formatRate(d.ticketSatisfactionRate)}`
}

const BARS = [
  { key: 'results', label: '议事成果' },
  { key: 'tickets', label: '报事' },
] as const

/** 议事成果满意率 beside the tickets' 满意率 (docs/metrics.md): two bars with their figures as text. */
export function DeliberationSatisfaction({ stats }: { stats: DeliberationStats }) {
  const rates = { results: stats.ratings.satisfactionRate, tickets: stats.ticketSatisfactionRate }
  const rated = stats.ratings.satisfied + stats.ratings.basically_satisfied + stats.ratings.unsatisfied
  return (
    <View className='card dashboard__deliberation' data-testid='stats-deliberation'>
      <Text className='card__title'>议事成果满意率</Text>
      <View ariaRole='img' ariaLabel={satisfactionSummary(stats)}>
        {BARS.map((b) => (
          <View key={b.key} className='dashboard__bar' data-rate={b.key}>
            <Text className='dashboard__bar-label'>{b.label}</Text>
            <View className='dashboard__bar-track'>
              <View className='dashboard__bar-fill' style={{ width: `${Math.round((rates[b.key] ?? 0) * 100)}%` }} />
            </View>
            <Text className='dashboard__bar-value'>{formatRate(rates[b.key])}</Text>
          </View>
        ))}
      </View>
      <Text className='hint'>
        {rated === 0
          ? `这段时间办结${stats.topicsDone}个议题，还没有居民评价成果`
          : `办结${stats.topicsDone}个议题；${rated}户评价：满意${stats.ratings.satisfied}，基本满意${stats.ratings.basically_satisfied}，不满意${stats.ratings.unsatisfied}`}
      </Text>
    </View>
  )
}
