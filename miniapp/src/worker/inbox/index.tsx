import { useMemo, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Badge } from '@nutui/nutui-react-taro'
import { currentDeadline, type TicketStatus, type TicketSummary } from '@linli/shared'
import { PagedList } from '../../components/PagedList'
import { Page } from '../../components/Page'
import { TicketCard } from '../../components/TicketCard'
import { useSession } from '../../hooks/useSession'
import { useTicketList } from '../../hooks/useTickets'
import { asChoice, asChoiceGroup } from '../../utils/a11y'

const TABS: { status: TicketStatus | ''; label: string }[] = [
  { status: 'dispatched', label: '待接单' },
  { status: 'accepted', label: '处理中' },
  { status: '', label: '全部' },
]

/** Earliest deadline first; matters with nothing due (办结, 关闭) last. */
export function byDeadline(a: TicketSummary, b: TicketSummary): number {
  const due = (t: TicketSummary) => currentDeadline({ status: t.status, acceptDueAt: new Date(t.acceptDueAt), resolveDueAt: new Date(t.resolveDueAt) })?.getTime() ?? Number.MAX_SAFE_INTEGER
  return due(a) - due(b)
}

/** 网格员工作台: matters dispatched to me, sorted by deadline, overdue in red. */
export default function WorkerInboxPage() {
  useSession()
  const [status, setStatus] = useState<TicketStatus | ''>('dispatched')
  const list = useTicketList('assigned', { status })
  const waiting = useTicketList('assigned', { status: 'dispatched' })
  const doing = useTicketList('assigned', { status: 'accepted' })
  useDidShow(() => {
    if (!list.loading) void list.refresh()
    if (!waiting.loading) void waiting.refresh()
    if (!doing.loading) void doing.refresh()
  })
  const sorted = useMemo(() => ({ ...list, items: [...list.items].sort(byDeadline) }), [list])
  const counts: Record<string, number> = { dispatched: waiting.total, accepted: doing.total }
  return (
    <Page fill>
      <View className='chip-row worker-tabs' {...asChoiceGroup('工单状态')}>
        {TABS.map((t) => (
          <View key={t.label} className={`chip${t.status === status ? ' chip--active' : ''}`} onClick={() => setStatus(t.status)} data-tab={t.status || 'all'} {...asChoice(t.status === status, counts[t.status] ? `${t.label}，${counts[t.status]}件` : undefined)}>
            {counts[t.status] ? (
              <Badge value={counts[t.status]} max={99} right='-8' top='-2'>
                <Text>{t.label}</Text>
              </Badge>
            ) : (
              <Text>{t.label}</Text>
            )}
          </View>
        ))}
      </View>
      <PagedList
        list={sorted}
        emptyText={status === 'dispatched' ? '没有待接的工单' : status === 'accepted' ? '没有处理中的工单' : '还没有派给您的工单'}
        renderItem={(t) => <TicketCard key={t.id} ticket={t} showHandler onClick={() => Taro.navigateTo({ url: `/worker/ticket/index?id=${t.id}` })} />}
      />
    </Page>
  )
}
