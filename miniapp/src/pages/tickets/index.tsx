import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { TICKET_STATUS_LABELS, type TicketStatus } from '@linli/shared'
import { PagedList } from '../../components/PagedList'
import { Page } from '../../components/Page'
import { TicketCard } from '../../components/TicketCard'
import { useSession } from '../../hooks/useSession'
import { useTicketList } from '../../hooks/useTickets'
import { asChoice, asChoiceGroup } from '../../utils/a11y'
import './index.scss'

const FILTERS: ('' | TicketStatus)[] = ['', 'submitted', 'dispatched', 'accepted', 'resolved', 'closed']

export default function MyTicketsPage() {
  useSession()
  const [status, setStatus] = useState<'' | TicketStatus>('')
  const list = useTicketList('mine', { status })
  useDidShow(() => {
    if (!list.loading) void list.refresh()
  })
  return (
    <Page fill className='my-tickets'>
      <View className='chip-row' {...asChoiceGroup('报事状态')}>
        {FILTERS.map((s) => (
          <View key={s || 'all'} className={`chip${s === status ? ' chip--active' : ''}`} onClick={() => setStatus(s)} {...asChoice(s === status)}>
            <Text>{s ? TICKET_STATUS_LABELS[s] : '全部'}</Text>
          </View>
        ))}
      </View>
      <PagedList
        list={list}
        emptyText={status ? `没有“${TICKET_STATUS_LABELS[status]}”的报事` : '还没有报事，遇到问题点“报事”告诉我们'}
        renderItem={(t) => <TicketCard key={t.id} ticket={t} onClick={() => Taro.navigateTo({ url: `/pages/ticket/index?id=${t.id}` })} />}
      />
    </Page>
  )
}
