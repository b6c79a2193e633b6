import { useMemo, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Table } from '@nutui/nutui-react-taro'
import { lastLocalDays, SERVICE_FAMILY_LABELS, type BookingFigures } from '@linli/shared'
import { LoadState } from '../../components/LoadState'
import { Page } from '../../components/Page'
import { useBookingStats } from '../../hooks/useBookings'
import { useSession } from '../../hooks/useSession'
import { communityIdOf } from '../../services/session'
import { communityUtcOffset, formatRate } from '../../utils/format'
import { asChoice, asChoiceGroup } from '../../utils/a11y'
import '../provider.scss'

const RANGES = [
  { days: 30, label: '近30天' },
  { days: 90, label: '近90天' },
  { days: 365, label: '近一年' },
]

export const FIGURE_CELLS: { key: keyof BookingFigures; label: string; rate?: boolean }[] = [
  { key: 'bookings', label: '预约' },
  { key: 'attendanceRate', label: '到场率', rate: true },
  { key: 'noShowRate', label: '爽约率', rate: true },
  { key: 'satisfactionRate', label: '满意率', rate: true },
]

/** Bookings, attendance, no-shows and satisfaction per item and per provider, over the community's last local days. */
export default function BookingFiguresPage() {
  const session = useSession()
  const communityId = communityIdOf(session?.user)
  const [rangeIndex, setRangeIndex] = useState(0)
  const range = useMemo(() => lastLocalDays(RANGES[rangeIndex].days, new Date(), communityUtcOffset()), [rangeIndex])
  const stats = useBookingStats(communityId, range)
  usePullDownRefresh(async () => {
    await stats.reload()
    Taro.stopPullDownRefresh()
  })
  const s = stats.data
  return (
    <Page className='figures'>
      <View className='chip-row' {...asChoiceGroup('统计时间')}>
        {RANGES.map((r, i) => (
          <View key={r.days} className={`chip${i === rangeIndex ? ' chip--active' : ''}`} onClick={() => setRangeIndex(i)} {...asChoice(i === rangeIndex)}>
            <Text>{r.label}</Text>
          </View>
        ))}
      </View>
      <LoadState loading={stats.loading && !s} error={s ? null : stats.error} onRetry={stats.reload}>
        {s && (
          <>
            <View className='card'>
              <Text className='hint'>
                {s.from} 至 {s.to} 开始的时段；到场率 = 到场 ÷（到场 + 未到）
              </Text>
              <View className='figures__total' data-testid='figures-total'>
                {FIGURE_CELLS.map((c) => (
                  <View key={c.key} className='figures__cell'>
                    <Text className='figures__value'>{c.rate ? formatRate(s.total[c.key]) : s.total[c.key]}</Text>
                    <Text className='figures__label'>{c.label}</Text>
                  </View>
                ))}
              </View>
            </View>
            <Text className='section-title'>按服务项目</Text>
            <View className='card'>
              <Table
                columns={[
                  { key: 'name', title: '项目', render: (row: (typeof s.byItem)[number]) => `${row.name}（${SERVICE_FAMILY_LABELS[row.family]}）` },
                  { key: 'bookings', title: '预约' },
                  { key: 'attendanceRate', title: '到场率', render: (row: BookingFigures) => formatRate(row.attendanceRate) },
                  { key: 'satisfactionRate', title: '满意率', render: (row: BookingFigures) => formatRate(row.satisfactionRate) },
                ]}
                data={s.byItem}
                noData='这段时间没有预约'
              />
            </View>
            <Text className='section-title'>按服务方</Text>
            <View className='card'>
              <Table
                columns={[
                  { key: 'provider', title: '服务方', render: (row: (typeof s.byProvider)[number]) => row.provider.name },
                  { key: 'bookings', title: '预约' },
                  { key: 'noShowRate', title: '爽约率', render: (row: BookingFigures) => formatRate(row.noShowRate) },
                  { key: 'satisfactionRate', title: '满意率', render: (row: BookingFigures) => formatRate(row.satisfactionRate) },
                ]}
                data={s.byProvider}
                noData='这段时间没有预约'
              />
            </View>
          </>
        )}
      </LoadState>
    </Page>
  )
}
