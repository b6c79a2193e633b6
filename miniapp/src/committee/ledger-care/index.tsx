import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { SPECIAL_CARE_FLAGS, SPECIAL_CARE_LABELS, type SpecialCareFlag } from '@linli/shared'
import { LoadState } from '../../components/LoadState'
import { Page } from '../../components/Page'
import { useSession } from '../../hooks/useSession'
import { communityIdOf } from '../../services/session'
import { asButton, asChoice, asChoiceGroup } from '../../utils/a11y'
import { SPECIAL_CARE_LOGGED, specialCareText, useSpecialCareList } from '../ledger'
import '../ledger.scss'

/** 特殊人群: the community's people with special-care flags, by flag; each reading is logged by the server. */
export default function SpecialCarePage() {
  const session = useSession()
  const communityId = communityIdOf(session?.user)
  const [flag, setFlag] = useState<SpecialCareFlag | null>(null)
  const list = useSpecialCareList(communityId, flag)
  usePullDownRefresh(async () => {
    await list.reload()
    Taro.stopPullDownRefresh()
  })

  return (
    <Page className='ledger'>
      <Text className='hint ledger__intro ledger__sensitive'>{SPECIAL_CARE_LOGGED}</Text>
      <View className='chip-row' {...asChoiceGroup('特殊人群类别')}>
        <View className={`chip${flag === null ? ' chip--active' : ''}`} onClick={() => setFlag(null)} {...asChoice(flag === null)}>
          <Text>全部</Text>
        </View>
        {SPECIAL_CARE_FLAGS.map((f) => (
          <View key={f} className={`chip${flag === f ? ' chip--active' : ''}`} onClick={() => setFlag(f)} data-flag={f} {...asChoice(flag === f)}>
            <Text>{SPECIAL_CARE_LABELS[f]}</Text>
          </View>
        ))}
      </View>
      {communityId === null ? (
        <Text className='hint ledger__intro'>您的账号没有所属社区，无法查看。</Text>
      ) : (
        <LoadState loading={list.loading} error={list.error} onRetry={list.reload} empty={list.data?.length === 0} emptyText={flag ? `没有登记为${SPECIAL_CARE_LABELS[flag]}的人` : '没有登记特殊人群'}>
          <Text className='hint ledger__intro'>共 {list.data?.length ?? 0} 人</Text>
          {(list.data ?? []).map((p) => (
            <View key={`${p.personId}-${p.householdId}`} className='card ledger-care' onClick={() => Taro.navigateTo({ url: `/committee/ledger-household/index?id=${p.householdId}` })} {...asButton()}>
              <Text className='card__title'>
                {p.name} · {p.household}
              </Text>
              <Text className='hint'>{[p.birthYear ? `${p.birthYear}年生` : '', p.phone ?? ''].filter(Boolean).join(' · ')}</Text>
              <Text className='ledger-care__flags'>{specialCareText(p.specialCare)}</Text>
            </View>
          ))}
        </LoadState>
      )}
    </Page>
  )
}
