import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Dialog } from '@nutui/nutui-react-taro'
import { isOpen, rateOutcome, type Rating, type TicketDetail } from '@linli/shared'
import { LoadState } from '../../components/LoadState'
import { RateForm } from '../../components/RateForm'
import { Page } from '../../components/Page'
import { TicketHeader } from '../../components/TicketHeader'
import { TicketTimeline } from '../../components/TicketTimeline'
import { useSession } from '../../hooks/useSession'
import { followTicket, useTicket } from '../../hooks/useTickets'
import './index.scss'

export default function TicketPage() {
  const session = useSession()
  const { params } = useRouter()
  const id = params.id ? Number(params.id) : null
  const { ticket, loading, error, reload, act, setData } = useTicket(id)
  const [confirmCancel, setConfirmCancel] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)

  usePullDownRefresh(async () => {
    await reload()
    Taro.stopPullDownRefresh()
  })

  const rate = async (rating: Rating, comment: string) => {
    await act('rate', { rating, ...(comment ? { comment } : {}) })
    setNotice(
      rateOutcome(rating) === 'reopen'
        ? '您的评价是“不满意”，这件事已重新交办（重办），经办人会再次处理，进展会在这里更新。'
        : '感谢评价，这件事已办结关闭。',
    )
  }

  const follow = async (t: TicketDetail) => {
    setData(await followTicket(t.id))
  }

  const canFollow = ticket && ticket.reporter?.id !== session?.user.id && isOpen(ticket.status) && !ticket.following

  return (
    <Page className='ticket-page'>
      <LoadState loading={loading && !ticket} error={ticket ? null : error} onRetry={reload}>
        {ticket && (
          <>
            {notice && (
              <View className={`card notice${ticket.reopenCount > 0 && isOpen(ticket.status) ? ' notice--reopened' : ''}`} data-testid='rate-notice'>
                <Text>{notice}</Text>
              </View>
            )}
            <TicketHeader ticket={ticket} />
            {ticket.allowedActions.includes('rate') && (
              <RateForm title='请为办理结果评价' unsatisfiedHint='选择“不满意”后，这件事会退回经办人重新办理（重办）。' placeholder='说说办得怎么样（可不填）' onRate={rate} />
            )}
            <Text className='section-title'>办理进度</Text>
            <View className='card'>
              <TicketTimeline ticket={ticket} />
            </View>
            <View className='actions'>
              {canFollow && (
                <Button type='primary' fill='outline' size='large' block onClick={() => follow(ticket)}>
                  附议（我也遇到了）
                </Button>
              )}
              {ticket.allowedActions.includes('cancel') && (
                <Button type='default' size='large' block onClick={() => setConfirmCancel(true)}>
                  撤回报事
                </Button>
              )}
            </View>
          </>
        )}
      </LoadState>
      <Dialog
        visible={confirmCancel}
        title='撤回报事'
        content='撤回后这件事不再办理，确定撤回吗？'
        onConfirm={async () => {
          setConfirmCancel(false)
          await act('cancel').catch(() => undefined)
        }}
        onCancel={() => setConfirmCancel(false)}
      />
    </Page>
  )
}
