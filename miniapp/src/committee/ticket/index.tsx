import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { REJECT_REASON_LABELS, REJECT_REASONS, TICKET_ACTION_LABELS, type RejectReason } from '@linli/shared'
import { CategoryPicker, HandlerPicker, ReasonSheet } from '../../components/HandlerPicker'
import { LoadState } from '../../components/LoadState'
import { Page } from '../../components/Page'
import { TicketHeader } from '../../components/TicketHeader'
import { TicketTimeline } from '../../components/TicketTimeline'
import { useSession } from '../../hooks/useSession'
import { useTicket } from '../../hooks/useTickets'

/** A committee member on one matter: 设置类别 of a 随手拍 (待分类), 派单 from the queue, 转派, 不予受理 with a reason. */
export default function CommitteeTicketPage() {
  useSession()
  const { params } = useRouter()
  const id = params.id ? Number(params.id) : null
  const { ticket, loading, error, reload, act } = useTicket(id)
  const [sheet, setSheet] = useState<'categorise' | 'dispatch' | 'transfer' | 'reject' | null>(null)

  usePullDownRefresh(async () => {
    await reload()
    Taro.stopPullDownRefresh()
  })

  const allowed = ticket?.allowedActions ?? []
  return (
    <Page className='committee-ticket'>
      <LoadState loading={loading && !ticket} error={ticket ? null : error} onRetry={reload}>
        {ticket && (
          <>
            <TicketHeader ticket={ticket} />
            <View className='actions'>
              {allowed.includes('categorise') && (
                <Button className='committee-ticket__categorise' type='primary' size='large' block onClick={() => setSheet('categorise')}>
                  {TICKET_ACTION_LABELS.categorise}
                </Button>
              )}
              {allowed.includes('dispatch') && (
                <Button className='committee-ticket__dispatch' type='primary' size='large' block onClick={() => setSheet('dispatch')}>
                  {TICKET_ACTION_LABELS.dispatch}
                </Button>
              )}
              {allowed.includes('transfer') && (
                <Button type='default' size='large' block onClick={() => setSheet('transfer')}>
                  {TICKET_ACTION_LABELS.transfer}
                </Button>
              )}
              {allowed.includes('reject') && (
                <Button type='danger' fill='outline' size='large' block onClick={() => setSheet('reject')}>
                  {TICKET_ACTION_LABELS.reject}
                </Button>
              )}
              {/* A recurring matter goes to 议事: the proposal form opens with this ticket linked; more may be added there. */}
              <Button className='committee-ticket__to-topic' type='default' size='large' block onClick={() => Taro.navigateTo({ url: `/pages/topic-new/index?ticketId=${ticket.id}` })}>
                转为议题
              </Button>
            </View>
            <Text className='section-title'>办理进度</Text>
            <View className='card'>
              <TicketTimeline ticket={ticket} />
            </View>
            <HandlerPicker
              ticketId={ticket.id}
              visible={sheet === 'dispatch' || sheet === 'transfer'}
              title={sheet === 'transfer' ? '转派' : '派单'}
              needsReason={sheet === 'transfer'}
              onClose={() => setSheet(null)}
              onPick={async (h, reason) => {
                if (sheet === 'transfer') await act('transfer', { toUserId: h.id, reason })
                else await act('dispatch', { toUserId: h.id })
                setSheet(null)
                Taro.showToast({ title: `已派给${h.name}`, icon: 'none' })
              }}
            />
            <CategoryPicker
              visible={sheet === 'categorise'}
              onClose={() => setSheet(null)}
              onPick={async (c) => {
                const next = await act('categorise', { categoryId: c.id })
                setSheet(null)
                Taro.showToast({ title: next.handler ? `已设为${c.shortName}，派给${next.handler.name}` : `已设为${c.shortName}，请派单`, icon: 'none' })
              }}
            />
            <ReasonSheet
              visible={sheet === 'reject'}
              title='不予受理'
              placeholder='补充说明（居民会看到）'
              options={REJECT_REASONS.map((r) => ({ value: r, label: REJECT_REASON_LABELS[r] }))}
              onClose={() => setSheet(null)}
              onSubmit={async ({ option, text }) => {
                await act('reject', { reason: option as RejectReason, ...(text ? { note: text } : {}) })
                setSheet(null)
              }}
            />
          </>
        )}
      </LoadState>
    </Page>
  )
}
