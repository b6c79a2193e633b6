import { useMemo, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Picker, Switch } from '@nutui/nutui-react-taro'
import { TICKET_STATUS_LABELS, UNCATEGORISED_LABEL, type TicketStatus } from '@linli/shared'
import { PagedList } from '../../components/PagedList'
import { Page } from '../../components/Page'
import { TicketCard } from '../../components/TicketCard'
import { useCategories } from '../../hooks/usePlaces'
import { useSession } from '../../hooks/useSession'
import { useStatsOverview } from '../../hooks/useStats'
import { useTicketList, type TicketFilters } from '../../hooks/useTickets'
import { communityIdOf } from '../../services/session'
import { lastDays } from '../range'
import { asButton, asChoice, asChoiceGroup } from '../../utils/a11y'

const STATUSES: (TicketStatus | '')[] = ['submitted', 'dispatched', 'accepted', 'resolved', 'closed', 'rejected', '']

/**
 * The community's matters: the dispatch queue (待派单) first, filters for status, category, grid, overdue, and
 * 只看待分类 (随手拍 without a category; the dashboard's 待分类 count opens the page with it, `?uncategorised=1`).
 */
export default function CommitteeTicketsPage() {
  const session = useSession()
  const communityId = communityIdOf(session?.user)
  const { params } = useRouter()
  const [filters, setFilters] = useState<TicketFilters>({ status: 'submitted', uncategorised: params.uncategorised === '1' || undefined })
  const [picker, setPicker] = useState<'category' | 'grid' | null>(null)
  const list = useTicketList('community', filters)
  const categories = useCategories()
  const range = useMemo(() => ({ communityId, ...lastDays(365) }), [communityId])
  const grids = useStatsOverview(range) // its table by grid names the grids
  useDidShow(() => {
    if (!list.loading) void list.refresh()
  })

  const categoryOptions = [[{ label: '全部类别', value: 0 }, ...(categories.data ?? []).map((c) => ({ label: c.name, value: c.id }))]]
  const gridOptions = [[{ label: '全部网格', value: 0 }, ...(grids.data?.byGrid ?? []).filter((g) => g.gridId !== null).map((g) => ({ label: g.name, value: g.gridId as number }))]]
  const categoryName = filters.uncategorised ? UNCATEGORISED_LABEL : (categories.data?.find((c) => c.id === filters.categoryId)?.name ?? '全部类别')
  const gridName = grids.data?.byGrid.find((g) => g.gridId === filters.gridId)?.name ?? '全部网格'
  const set = (patch: Partial<TicketFilters>) => setFilters((f) => ({ ...f, ...patch }))

  return (
    <Page fill>
      <View className='chip-row' {...asChoiceGroup('报事状态')}>
        {STATUSES.map((s) => (
          <View key={s || 'all'} className={`chip${s === (filters.status ?? '') ? ' chip--active' : ''}`} onClick={() => set({ status: s })} data-status={s || 'all'} {...asChoice(s === (filters.status ?? ''))}>
            <Text>{s ? (s === 'submitted' ? '待派单' : TICKET_STATUS_LABELS[s]) : '全部'}</Text>
          </View>
        ))}
      </View>
      <View className='filter-bar'>
        <View className='chip' onClick={() => setPicker('category')} {...asButton(`报事类别：${categoryName}，点击选择`)}>
          <Text>{categoryName} ▾</Text>
        </View>
        <View className='chip' onClick={() => setPicker('grid')} {...asButton(`网格：${gridName}，点击选择`)}>
          <Text>{gridName} ▾</Text>
        </View>
        <View className='chip'>
          <Text>只看超时 </Text>
          <Switch checked={!!filters.overdue} onChange={(on) => set({ overdue: on })} ariaLabel='只看超时' />
        </View>
        <View className='chip' data-testid='filter-uncategorised'>
          <Text>只看{UNCATEGORISED_LABEL} </Text>
          <Switch checked={!!filters.uncategorised} onChange={(on) => set({ uncategorised: on || undefined, categoryId: '' })} ariaLabel={`只看${UNCATEGORISED_LABEL}`} />
        </View>
      </View>
      <Picker
        title='报事类别'
        visible={picker === 'category'}
        options={categoryOptions}
        value={[filters.categoryId || 0]}
        onConfirm={(_, v) => set({ categoryId: Number(v[0]) || '', uncategorised: undefined })}
        onClose={() => setPicker(null)}
      />
      <Picker
        title='网格'
        visible={picker === 'grid'}
        options={gridOptions}
        value={[filters.gridId || 0]}
        onConfirm={(_, v) => set({ gridId: Number(v[0]) || '' })}
        onClose={() => setPicker(null)}
      />
      <PagedList
        list={list}
        emptyText={filters.uncategorised ? '没有等待设置类别的报事' : filters.status === 'submitted' ? '派单池是空的：所有报事都已派出' : '没有符合条件的报事'}
        renderItem={(t) => <TicketCard key={t.id} ticket={t} showHandler onClick={() => Taro.navigateTo({ url: `/committee/ticket/index?id=${t.id}` })} />}
      />
    </Page>
  )
}
