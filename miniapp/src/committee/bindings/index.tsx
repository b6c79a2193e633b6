import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { LoadState } from '../../components/LoadState'
import { RejectSheet, ReviewActions } from '../../components/ReviewControls'
import { Page } from '../../components/Page'
import { useSession } from '../../hooks/useSession'
import { maskPhone, formatDateTime } from '../../utils/format'
import { approveBinding, rejectBinding, usePendingBindings, type PendingBinding } from '../review'
import '../review.scss'

/** 住户审核: pending binding requests of the committee's community, newest first; rejecting needs a reason. */
export default function CommitteeBindingsPage() {
  useSession()
  const list = usePendingBindings()
  const [rejecting, setRejecting] = useState<PendingBinding | null>(null)
  const [busyId, setBusyId] = useState<number | null>(null)
  usePullDownRefresh(async () => {
    await list.reload()
    Taro.stopPullDownRefresh()
  })

  const drop = (id: number) => list.setData((list.data ?? []).filter((b) => b.id !== id))

  const approve = async (b: PendingBinding) => {
    setBusyId(b.id)
    try {
      await approveBinding(b.id)
      drop(b.id)
      Taro.showToast({ title: `已通过${b.userName}的申请`, icon: 'none' })
    } catch {
      // request() showed why (e.g. someone else decided it first)
    } finally {
      setBusyId(null)
    }
  }

  return (
    <Page className='review'>
      <Text className='hint review__intro'>核对申请人确实住在该户后再通过。通过或拒绝后，申请人会收到通知。</Text>
      <LoadState loading={list.loading} error={list.error} onRetry={list.reload} empty={list.data?.length === 0} emptyText='没有待审核的绑定申请'>
        {(list.data ?? []).map((b) => (
          <View key={b.id} className='card review__item'>
            <Text className='card__title'>{b.householdLabel ?? `房屋 ${b.householdId}`}</Text>
            <Text>
              申请人：{b.userName || '微信用户'}
              {b.phone ? ` · ${maskPhone(b.phone)}` : ' · 未授权手机号'}
            </Text>
            <Text className='hint'>{formatDateTime(b.createdAt)}申请</Text>
            <ReviewActions busy={busyId === b.id} approveLabel='通过' onReject={() => setRejecting(b)} onApprove={() => approve(b)} />
          </View>
        ))}
      </LoadState>
      <RejectSheet item={rejecting} placeholder='请写明原因，申请人会看到（例如：经核实不是该户住户）' reject={rejectBinding} onRejected={drop} onClose={() => setRejecting(null)} />
    </Page>
  )
}
