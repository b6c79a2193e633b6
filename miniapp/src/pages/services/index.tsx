import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { SearchBar } from '@nutui/nutui-react-taro'
import { SERVICE_FAMILIES, SERVICE_FAMILY_LABELS, type ServiceFamily, type ServiceItemSummary } from '@linli/shared'
import { LoadState } from '../../components/LoadState'
import { Page } from '../../components/Page'
import { useServices } from '../../hooks/useBookings'
import { useSession } from '../../hooks/useSession'
import { formatDateTime } from '../../utils/format'
import { asButton, asChoice, asChoiceGroup } from '../../utils/a11y'
import './index.scss'

export function ServiceCard({ item, onClick }: { item: ServiceItemSummary; onClick: () => void }) {
  return (
    <View className='card service-card' onClick={onClick} {...asButton()}>
      <View className='service-card__head'>
        <Text className='service-card__name'>{item.name}</Text>
        <Text className='service-card__family'>{SERVICE_FAMILY_LABELS[item.family]}</Text>
      </View>
      <Text className='hint'>
        {item.provider.name} · {item.place}
        {item.duration ? ` · ${item.duration}` : ''}
      </Text>
      <Text className={`service-card__next${item.nextAvailableAt ? '' : ' service-card__next--none'}`}>
        {item.nextAvailableAt ? `最近可约：${formatDateTime(item.nextAvailableAt)}` : '近期没有可约的时段'}
      </Text>
    </View>
  )
}

/** 预约's catalogue: the community's items by family (政务 生活 法律 文体 关爱 场地), searched by name. */
export default function ServicesPage() {
  useSession()
  const [family, setFamily] = useState<ServiceFamily | ''>('')
  const [q, setQ] = useState('')
  const services = useServices({ family, q })
  usePullDownRefresh(async () => {
    await services.reload()
    Taro.stopPullDownRefresh()
  })
  const items = services.data ?? []
  const emptyText = q.trim() ? `没有名称含“${q.trim()}”的服务` : family ? `本社区暂无${SERVICE_FAMILY_LABELS[family]}类服务` : '本社区还没有可预约的服务'
  return (
    <Page className='services'>
      <SearchBar className='services__search' value={q} onChange={setQ} placeholder='搜索服务名称' />
      <View className='chip-row services__families' {...asChoiceGroup('服务类别')}>
        {(['', ...SERVICE_FAMILIES] as const).map((f) => (
          <View key={f || 'all'} className={`chip${f === family ? ' chip--active' : ''}`} onClick={() => setFamily(f)} {...asChoice(f === family)}>
            <Text>{f ? SERVICE_FAMILY_LABELS[f] : '全部'}</Text>
          </View>
        ))}
      </View>
      <LoadState loading={services.loading && !services.data} error={services.data ? null : services.error} empty={items.length === 0} emptyText={emptyText} onRetry={services.reload}>
        {items.map((item) => (
          <ServiceCard key={item.id} item={item} onClick={() => Taro.navigateTo({ url: `/pages/service/index?id=${item.id}` })} />
        ))}
      </LoadState>
    </Page>
  )
}
