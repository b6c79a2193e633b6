import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Dialog } from '@nutui/nutui-react-taro'
import { LoadState } from '../../components/LoadState'
import { Page } from '../../components/Page'
import { useSession } from '../../hooks/useSession'
import { communityIdOf } from '../../services/session'
import { formatDateTime } from '../../utils/format'
import { heldTextTitle, holdReasonLabel, releaseHeldText, useHeldTexts } from '../review'
import type { ContentHoldView } from '@linli/shared'
import '../review.scss'

/** 内容审核: residents' texts held off the board and neighbours' views, newest first; 放行 shows one where it belongs. */
export default function CommitteeHoldsPage() {
  const session = useSession()
  const communityId = communityIdOf(session?.user)
  const list = useHeldTexts(communityId)
  const [releasing, setReleasing] = useState<ContentHoldView | null>(null)
  const [busyId, setBusyId] = useState<number | null>(null)
  usePullDownRefresh(async () => {
    await list.reload()
    Taro.stopPullDownRefresh()
  })

  const release = async () => {
    const hold = releasing
    setReleasing(null)
    if (!hold) return
    setBusyId(hold.id)
    try {
      await releaseHeldText(hold.id)
      list.setData((list.data ?? []).filter((h) => h.id !== hold.id))
      Taro.showToast({ title: '已放行', icon: 'none' })
    } catch {
      // request() showed why
    } finally {
      setBusyId(null)
    }
  }

  return (
    <Page className='review'>
      <Text className='hint review__intro'>这些内容未通过或未能完成内容安全检查，暂不公开。核对原文无不当内容后放行，放行后公示栏和其他住户即可看到。</Text>
      {communityId === null ? (
        <Text className='hint review__intro'>您的账号没有所属社区，无法查看。</Text>
      ) : (
        <LoadState loading={list.loading} error={list.error} onRetry={list.reload} empty={list.data?.length === 0} emptyText='没有待放行的内容'>
          {(list.data ?? []).map((h) => (
            <View key={h.id} className='card review__item'>
              <Text className='card__title'>{heldTextTitle(h)}</Text>
              <Text className='review__text'>
                {h.text}
              </Text>
              <Text className='hint'>
                {formatDateTime(h.createdAt)}提交 · {holdReasonLabel(h.reason)}
              </Text>
              <View className='review__actions'>
                <Button className='review__approve' type='primary' loading={busyId === h.id} disabled={busyId === h.id} onClick={() => setReleasing(h)}>
                  放行
                </Button>
              </View>
            </View>
          ))}
        </LoadState>
      )}
      <Dialog
        visible={releasing !== null}
        title='放行这条内容？'
        content={releasing ? `放行后，${heldTextTitle(releasing)}将按原文公开显示。` : ''}
        confirmText='确认放行'
        cancelText='取消'
        onConfirm={release}
        onCancel={() => setReleasing(null)}
      />
    </Page>
  )
}
