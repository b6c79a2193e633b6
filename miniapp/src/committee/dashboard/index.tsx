import { useMemo, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Table } from '@nutui/nutui-react-taro'
import { TICKET_STATUS_LABELS, TICKET_STATUSES } from '@linli/shared'
import { LoadState } from '../../components/LoadState'
import { Page } from '../../components/Page'
import { useSession } from '../../hooks/useSession'
import { useDeliberationStats, useStatsOverview, useStatsTrend } from '../../hooks/useStats'
import { communityIdOf } from '../../services/session'
import { formatRate } from '../../utils/format'
import { lastDays } from '../range'
import { TrendChart } from './TrendChart'
import { DeliberationSatisfaction } from './DeliberationSatisfaction'
import { asChoice, asChoiceGroup } from '../../utils/a11y'
import './index.scss'

const RANGES = [
  { days: 30, label: '近30天', bucket: 'day' as const },
  { days: 90, label: '近90天', bucket: 'week' as const },
  { days: 365, label: '近一年', bucket: 'month' as const },
]

/** The four figures committees are judged by (接诉即办): 响应率, 解决率, 满意率, 按时办结率. */
export const RATE_CARDS = [
  { key: 'responseRate', label: '响应率', hint: '按时接单' },
  { key: 'resolutionRate', label: '解决率', hint: '已办结' },
  { key: 'satisfactionRate', label: '满意率', hint: '满意+基本满意' },
  { key: 'onTimeRate', label: '按时办结率', hint: '时限内办结' },
] as const

export default function DashboardPage() {
  const session = useSession()
  const communityId = communityIdOf(session?.user)
  const [rangeIndex, setRangeIndex] = useState(0)
  const range = RANGES[rangeIndex]
  const dates = useMemo(() => ({ communityId, ...lastDays(range.days) }), [communityId, range.days])
  const overview = useStatsOverview(dates)
  const trend = useStatsTrend(dates, range.bucket)
  const deliberation = useDeliberationStats(dates)

  usePullDownRefresh(async () => {
    await Promise.all([overview.reload(), trend.reload(), deliberation.reload()])
    Taro.stopPullDownRefresh()
  })

  const o = overview.data
  return (
    <Page className='dashboard'>
      <View className='chip-row' {...asChoiceGroup('统计时段')}>
        {RANGES.map((r, i) => (
          <View key={r.days} className={`chip${i === rangeIndex ? ' chip--active' : ''}`} onClick={() => setRangeIndex(i)} {...asChoice(i === rangeIndex)}>
            <Text>{r.label}</Text>
          </View>
        ))}
      </View>
      <LoadState loading={overview.loading && !o} error={o ? null : overview.error} onRetry={overview.reload}>
        {o && (
          <>
            <View className='dashboard__rates'>
              {RATE_CARDS.map((c) => (
                <View key={c.key} className='dashboard__rate' data-rate={c.key}>
                  <Text className='dashboard__rate-value'>{formatRate(o[c.key])}</Text>
                  <Text className='dashboard__rate-label'>{c.label}</Text>
                  <Text className='hint'>{c.hint}</Text>
                </View>
              ))}
            </View>
            <View className={`card dashboard__awaiting${o.awaitingCategory > 0 ? ' dashboard__awaiting--some' : ''}`} data-testid='stats-awaiting-category'>
              <Text className='card__title'>待分类 {o.awaitingCategory} 件</Text>
              <Text className='hint'>{o.awaitingCategory > 0 ? '居民随手拍未选类别，设置类别后自动派单，时限从提交时算起' : '没有等待设置类别的报事'}</Text>
              {o.awaitingCategory > 0 && (
                <Button className='dashboard__awaiting-go' type='primary' size='large' block onClick={() => Taro.navigateTo({ url: '/committee/tickets/index?uncategorised=1' })}>
                  去设置类别
                </Button>
              )}
            </View>
            <View className='card'>
              <Text className='card__title' data-testid='stats-total'>
                共{o.total}件报事
              </Text>
              <View className='dashboard__statuses'>
                {TICKET_STATUSES.filter((s) => o.byStatus[s]).map((s) => (
                  <Text key={s} className='dashboard__status' data-status={s}>
                    {TICKET_STATUS_LABELS[s]} {o.byStatus[s]}
                  </Text>
                ))}
              </View>
            </View>
          </>
        )}
      </LoadState>

      <LoadState loading={deliberation.loading && !deliberation.data} error={deliberation.data ? null : deliberation.error} onRetry={deliberation.reload}>
        {deliberation.data && <DeliberationSatisfaction stats={deliberation.data} />}
      </LoadState>

      <Text className='section-title'>趋势</Text>
      <View className='card'>
        <LoadState loading={trend.loading && !trend.data} error={trend.data ? null : trend.error} onRetry={trend.reload} empty={trend.data?.points.length === 0} emptyText='这段时间还没有数据'>
          {trend.data && <TrendChart points={trend.data.points} />}
        </LoadState>
      </View>

      {o && o.byGrid.length > 0 && (
        <>
          <Text className='section-title'>各网格</Text>
          <View className='card dashboard__table'>
            <Table
              columns={[
                { key: 'name', title: '网格' },
                { key: 'count', title: '件数' },
                { key: 'responseRate', title: '响应率', render: (r) => formatRate(r.responseRate) },
                { key: 'resolutionRate', title: '解决率', render: (r) => formatRate(r.resolutionRate) },
                { key: 'satisfactionRate', title: '满意率', render: (r) => formatRate(r.satisfactionRate) },
                { key: 'onTimeRate', title: '按时率', render: (r) => formatRate(r.onTimeRate) },
              ]}
              data={o.byGrid}
            />
          </View>
        </>
      )}

      <View className='actions'>
        <Button type='primary' fill='outline' size='large' block onClick={() => Taro.navigateTo({ url: '/committee/tickets/index' })}>
          社区报事与派单
        </Button>
        <Button type='default' size='large' block onClick={() => Taro.navigateTo({ url: '/pages/board/index' })}>
          公示栏
        </Button>
      </View>
    </Page>
  )
}
