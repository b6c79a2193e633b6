import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Dialog, Rate, TextArea } from '@nutui/nutui-react-taro'
import { TEXT_LIMITS, isOpen, RATING_LABELS, rateOutcome, type Rating, type TicketDetail } from '@linli/shared'
import { LoadState } from '../../components/LoadState'
import { Page } from '../../components/Page'
import { TicketHeader } from '../../components/TicketHeader'
import { TicketTimeline } from '../../components/TicketTimeline'
import { useSession } from '../../hooks/useSession'
import { followTicket, useTicket } from '../../hooks/useTickets'
import { asChoice, asChoiceGroup } from '../../utils/a11y'
import './index.scss'

/** Three stars, three words: 3 满意, 2 基本满意, 1 不满意. */
export const RATING_BY_STARS: Record<number, Rating> = { 3: 'satisfied', 2: 'basically_satisfied', 1: 'unsatisfied' }

function RateForm({ onRate }: { onRate: (rating: Rating, comment: string) => Promise<void> }) {
  const [stars, setStars] = useState(0)
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState(false)
  const rating = RATING_BY_STARS[stars]
  const submit = async () => {
    if (!rating || busy) return
    setBusy(true)
    try {
      await onRate(rating, comment.trim())
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='card rate-form'>
      <Text className='card__title'>请为办理结果评价</Text>
      <View className='rate-form__stars'>
        <Rate count={3} value={stars} onChange={setStars} />
        <Text className={`rate-form__label${rating === 'unsatisfied' ? ' text-danger' : ''}`}>{rating ? RATING_LABELS[rating] : '点星星评价'}</Text>
      </View>
      <View className='rate-form__choices' {...asChoiceGroup('评价')}>
        {[3, 2, 1].map((n) => (
          <View key={n} className={`chip${stars === n ? ' chip--active' : ''}`} onClick={() => setStars(n)} data-rating={RATING_BY_STARS[n]} {...asChoice(stars === n)}>
            <Text>{RATING_LABELS[RATING_BY_STARS[n]]}</Text>
          </View>
        ))}
      </View>
      {rating === 'unsatisfied' && <Text className='hint text-danger'>选择“不满意”后，这件事会退回经办人重新办理（重办）。</Text>}
      <TextArea value={comment} onChange={setComment} maxLength={TEXT_LIMITS.ratingCommentMax} showCount rows={3} placeholder='说说办得怎么样（可不填）' />
      <View className='actions'>
        <Button className='rate-form__submit' type='primary' size='large' block disabled={!rating || busy} loading={busy} onClick={submit}>
          提交评价
        </Button>
      </View>
    </View>
  )
}

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
            {ticket.allowedActions.includes('rate') && <RateForm onRate={rate} />}
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
