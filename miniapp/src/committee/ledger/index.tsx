import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { SearchBar } from '@nutui/nutui-react-taro'
import { PagedList } from '../../components/PagedList'
import { Page } from '../../components/Page'
import { useBuildings } from '../../hooks/usePlaces'
import { useSession } from '../../hooks/useSession'
import { communityIdOf } from '../../services/session'
import { asButton, asChoice, asChoiceGroup } from '../../utils/a11y'
import { areaText, useLedgerHouseholds } from '../ledger'
import '../ledger.scss'

/** 住户台账: the community's households, searched by door number or a member's name, filtered by building. */
export default function LedgerHouseholdsPage() {
  const session = useSession()
  const communityId = communityIdOf(session?.user)
  const [q, setQ] = useState('')
  const [buildingId, setBuildingId] = useState<number | null>(null)
  const buildings = useBuildings(communityId)
  const list = useLedgerHouseholds(communityId, { q, buildingId })
  useDidShow(() => {
    if (!list.loading) void list.refresh() // back from a household that was corrected
  })
  const go = (url: string) => () => void Taro.navigateTo({ url })

  return (
    <Page className='ledger' fill>
      <View className='ledger-actions ledger__top-actions'>
        <View className='chip ledger__link' onClick={go('/committee/ledger-import/index')} {...asButton()}>
          <Text>台账导入 / 导出</Text>
        </View>
        <View className='chip ledger__link' onClick={go('/committee/ledger-care/index')} {...asButton()}>
          <Text>特殊人群</Text>
        </View>
      </View>
      <SearchBar className='ledger__search' value={q} onChange={setQ} placeholder='门牌号或姓名' />
      <View className='chip-row' {...asChoiceGroup('楼栋')}>
        <View className={`chip${buildingId === null ? ' chip--active' : ''}`} onClick={() => setBuildingId(null)} {...asChoice(buildingId === null)}>
          <Text>全部楼栋</Text>
        </View>
        {(buildings.data ?? []).map((b) => (
          <View key={b.id} className={`chip${buildingId === b.id ? ' chip--active' : ''}`} onClick={() => setBuildingId(b.id)} data-building={b.id} {...asChoice(buildingId === b.id)}>
            <Text>{b.name}</Text>
          </View>
        ))}
      </View>
      {communityId === null ? (
        <Text className='hint ledger__intro'>您的账号没有所属社区，无法查看台账。</Text>
      ) : (
        <PagedList
          list={list}
          emptyText={q || buildingId ? '没有符合条件的住户' : '台账里还没有住户：请先导入台账'}
          renderItem={(h) => (
            <View key={h.id} className='card ledger-household' onClick={go(`/committee/ledger-household/index?id=${h.id}`)} {...asButton()}>
              <Text className='card__title'>
                {h.building} {h.label}
              </Text>
              <Text className='hint'>
                {[areaText(h.areaHundredths), `${h.members}人`, h.owners ? `业主${h.owners}人` : '无业主登记'].filter(Boolean).join(' · ')}
              </Text>
            </View>
          )}
        />
      )}
    </Page>
  )
}
