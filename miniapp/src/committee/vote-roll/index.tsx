import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { BALLOT_CHOICE_LABELS } from '@linli/shared'
import { LoadState } from '../../components/LoadState'
import { Page } from '../../components/Page'
import { useResource } from '../../hooks/useResource'
import { useSession } from '../../hooks/useSession'
import { useVote } from '../../hooks/useTopics'
import { api } from '../../services/request'
import { asButton, asImage } from '../../utils/a11y'
import { formatDateTime } from '../../utils/format'

const CHANNEL_LABELS = { app: '线上', paper: '纸质票', proxy: '委托书' } as const

/** 投票名册: every household of the fixed roll, whether and when it voted and by which channel (never how, for a secret ballot). */
export default function VoteRollPage() {
  useSession()
  const { params } = useRouter()
  const id = params.id ? Number(params.id) : null
  const vote = useVote(id)
  const roll = useResource(() => api('GET /votes/{id}/roll', { params: { id: id as number } }), [id], id !== null)
  usePullDownRefresh(async () => {
    await Promise.all([vote.reload(), roll.reload()])
    Taro.stopPullDownRefresh()
  })
  const entries = roll.data?.entries ?? []
  const voted = entries.filter((e) => e.voted).length
  return (
    <Page className='vote-roll'>
      <LoadState loading={roll.loading && !roll.data} error={roll.data ? null : roll.error} onRetry={roll.reload}>
        <View className='card'>
          <Text className='card__title'>
            名册{entries.length}户，已投票{voted}户
          </Text>
          {vote.data && <Text className='hint'>{vote.data.rollNote}</Text>}
          {roll.data?.secret && <Text className='hint'>不记名投票：名册只记录谁投了票、何时、以何种方式，不记录投了什么。</Text>}
        </View>
        {entries.map((e) => (
          <View key={e.householdId} className='card vote-roll__entry' data-household-id={e.householdId} data-voted={String(e.voted)}>
            <Text className='card__title'>
              {e.building} {e.household}
            </Text>
            <Text className='hint'>
              专有面积{e.area}㎡{e.owner ? ` · 业主${e.owner}` : ''}
            </Text>
            <Text className={e.voted ? '' : 'hint'}>
              {e.voted ? `${formatDateTime(e.castAt)} 已投票（${CHANNEL_LABELS[e.channel ?? 'app']}）` : '未投票'}
              {e.choice ? ` · ${BALLOT_CHOICE_LABELS[e.choice]}` : ''}
            </Text>
            {e.photoUrl && (
              <View className='vote-roll__photo' onClick={() => Taro.previewImage({ urls: [e.photoUrl as string] })} {...asButton(`查看${e.household}的${CHANNEL_LABELS[e.channel ?? 'paper']}照片`)}>
                <Image src={e.photoUrl} mode='aspectFill' style={{ width: '88px', height: '88px' }} {...asImage(`${e.household}的${CHANNEL_LABELS[e.channel ?? 'paper']}照片`)} />
              </View>
            )}
          </View>
        ))}
      </LoadState>
    </Page>
  )
}
