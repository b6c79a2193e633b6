import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ROLE_LABELS } from '@linli/shared'
import { LoadState } from '../../components/LoadState'
import { RejectSheet, ReviewActions } from '../../components/ReviewControls'
import { Page } from '../../components/Page'
import { useSession } from '../../hooks/useSession'
import { formatDateTime, maskPhone } from '../../utils/format'
import { confirmClaim, rejectClaim, usePendingClaims, type PendingClaim } from '../review'
import '../review.scss'

/**
 * 身份确认: a WeChat user proved the phone of a staff-created account. A phone number can be recycled,
 * so a staff role passes only when a committee member confirms that this is the same person.
 */
export default function CommitteeClaimsPage() {
  useSession()
  const list = usePendingClaims()
  const [rejecting, setRejecting] = useState<PendingClaim | null>(null)
  const [busyId, setBusyId] = useState<number | null>(null)
  usePullDownRefresh(async () => {
    await list.reload()
    Taro.stopPullDownRefresh()
  })
  const drop = (id: number) => list.setData((list.data ?? []).filter((c) => c.id !== id))

  const confirm = async (c: PendingClaim) => {
    setBusyId(c.id)
    try {
      await confirmClaim(c.id)
      drop(c.id)
      Taro.showToast({ title: `已确认${c.account.name}的身份`, icon: 'none' })
    } catch {
      // request() showed why
    } finally {
      setBusyId(null)
    }
  }

  return (
    <Page className='review'>
      <Text className='hint review__intro'>手机号可能被重新分配。请当面或电话核实是本人后再确认，确认后该微信账号获得下列工作身份。</Text>
      <LoadState loading={list.loading} error={list.error} onRetry={list.reload} empty={list.data?.length === 0} emptyText='没有待确认的身份'>
        {(list.data ?? []).map((c) => (
          <View key={c.id} className='card review__item'>
            <Text className='card__title'>
              {c.account.name}
              {c.account.phone ? ` · ${maskPhone(c.account.phone)}` : ''}
            </Text>
            <Text>身份：{c.account.roles.map((r) => `${ROLE_LABELS[r.role]}${r.placeName ? `·${r.placeName}` : ''}`).join('、') || '无'}</Text>
            <Text className='hint'>
              微信用户{c.claimant.nickname ? `“${c.claimant.nickname}”` : ''}于{formatDateTime(c.createdAt)}认领
            </Text>
            <ReviewActions busy={busyId === c.id} approveLabel='确认是本人' onReject={() => setRejecting(c)} onApprove={() => confirm(c)} />
          </View>
        ))}
      </LoadState>
      <RejectSheet item={rejecting} placeholder='请写明原因（例如：号码已换人使用）' reject={rejectClaim} onRejected={drop} onClose={() => setRejecting(null)} />
    </Page>
  )
}
