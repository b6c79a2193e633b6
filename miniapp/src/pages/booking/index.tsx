import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Dialog } from '@nutui/nutui-react-taro'
import { RATING_LABELS, SERVICE_FAMILY_LABELS, type BookingDetail, type BookingEventType, type Rating } from '@linli/shared'
import { LoadState } from '../../components/LoadState'
import { Page } from '../../components/Page'
import { RateForm } from '../../components/RateForm'
import { BookingStatusTag, CheckInCode, bookingNextStep } from '../../components/BookingParts'
import { useBooking } from '../../hooks/useBookings'
import { useSession } from '../../hooks/useSession'
import { hoursText, slotWhen } from '../../utils/booking'
import { formatDateTime } from '../../utils/format'
import './index.scss'

const EVENT_LABELS: Record<BookingEventType, string> = {
  booked: '预约成功',
  waiting: '加入候补',
  offered: '候补到位',
  confirmed: '确认候补',
  cancelled: '取消预约',
  closed: '服务停止，预约取消',
  expired: '已过期',
  checked_in: '已签到',
  no_show: '未到场',
  rated: '已评价',
  moved: '时间调整',
}

/** The cancel button's words: until when, in the community's time; after the cut-off, why not. */
export function cancelRule(b: Pick<BookingDetail, 'status' | 'cancelUntil' | 'allowedActions' | 'slot'>): string | null {
  if (!['booked', 'waiting', 'offered'].includes(b.status)) return null
  if (b.allowedActions.includes('cancel')) return `${formatDateTime(b.cancelUntil)}前可以取消${b.slot.movedAt ? '（时间调整过，取消不计爽约）' : ''}`
  return `已过取消截止时间（${formatDateTime(b.cancelUntil)}），如不能到场请联系服务方`
}

/** 预约详情: when and where, the check-in code (large) and its QR code, cancel before the cut-off, confirm an offer, rate. */
export default function BookingPage() {
  useSession()
  const { params } = useRouter()
  const id = params.id ? Number(params.id) : null
  const { booking, loading, error, reload, act, rate } = useBooking(id)
  const [confirmCancel, setConfirmCancel] = useState(false)
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)

  usePullDownRefresh(async () => {
    await reload()
    Taro.stopPullDownRefresh()
  })

  const run = async (step: 'cancel' | 'confirm', done: string) => {
    if (busy) return
    setBusy(true)
    try {
      await act(step)
      setNotice(done)
    } catch {
      // the request module showed the API's words (e.g. 已过取消截止时间); the page shows the booking as it now is
      await reload()
    } finally {
      setBusy(false)
    }
  }

  const onRate = async (rating: Rating, comment: string) => {
    await rate(rating, comment)
    setNotice(`感谢您的评价：${RATING_LABELS[rating]}`)
  }

  const b = booking
  return (
    <Page className='booking'>
      <LoadState loading={loading && !b} error={b ? null : error} onRetry={reload}>
        {b && (
          <>
            {notice && (
              <View className='card notice' data-testid='booking-notice'>
                <Text>{notice}</Text>
              </View>
            )}
            <View className='card booking__head'>
              <View className='booking__title'>
                <Text className='booking__name'>{b.service.name}</Text>
                <BookingStatusTag status={b.status} />
              </View>
              <Text className='booking__when'>{slotWhen(b.slot, undefined, b.service.mode)}</Text>
              <Text className='hint'>
                {SERVICE_FAMILY_LABELS[b.service.family]} · {b.service.provider.name} · {b.service.place}
              </Text>
              {b.role === 'volunteer' && <Text className='hint'>志愿者报名</Text>}
              {b.bookedBy && <Text className='hint'>网格员{b.bookedBy.name}代为预约</Text>}
              {b.paidMinutes > 0 && <Text className='hint booking__paid'>{['cancelled', 'expired'].includes(b.status) ? `兑换的${hoursText(b.paidMinutes)}志愿时长已退回` : `已用${hoursText(b.paidMinutes)}志愿时长兑换，取消后退回`}</Text>}
              {b.slot.movedAt && <Text className='hint text-danger'>服务方调整了时间，以上为新时间；不方便可以取消，不计爽约</Text>}
              {bookingNextStep(b) && <Text className={`booking__next${b.status === 'offered' ? ' text-danger' : ''}`}>{bookingNextStep(b)}</Text>}
            </View>

            {b.status === 'booked' && b.checkInCode && <CheckInCode code={b.checkInCode} />}
            {b.status === 'attended' && <Text className='section-title'>已于{formatDateTime(b.checkedInAt)}签到</Text>}

            {b.allowedActions.includes('rate') && <RateForm title='请为这次服务评价' placeholder='说说服务怎么样（可不填）' onRate={onRate} />}
            {b.rating && (
              <View className='card'>
                <Text>我的评价：{RATING_LABELS[b.rating]}</Text>
                {b.ratingComment && <Text className='hint'>{b.ratingComment}</Text>}
              </View>
            )}

            <View className='actions'>
              {b.allowedActions.includes('confirm') && (
                <Button className='booking__confirm' type='primary' size='large' block loading={busy} onClick={() => run('confirm', '已确认，名额是您的了。到场时出示签到码。')}>
                  确认候补名额
                </Button>
              )}
              {cancelRule(b) && <Text className='hint booking__cancel-rule'>{cancelRule(b)}</Text>}
              {b.allowedActions.includes('cancel') && (
                <Button className='booking__cancel' type='default' size='large' block disabled={busy} onClick={() => setConfirmCancel(true)}>
                  {b.status === 'waiting' ? '退出候补' : '取消预约'}
                </Button>
              )}
            </View>

            <Text className='section-title'>记录</Text>
            <View className='card booking__timeline'>
              {b.timeline.map((e) => (
                <View key={e.id} className='booking__event' data-event={e.type}>
                  <Text className='booking__event-what'>{EVENT_LABELS[e.type]}</Text>
                  <Text className='hint'>
                    {formatDateTime(e.at)}
                    {e.actor ? ` · ${e.actor.name}` : ''}
                  </Text>
                  {e.note && <Text className='hint'>{e.note}</Text>}
                </View>
              ))}
            </View>
          </>
        )}
      </LoadState>
      <Dialog
        visible={confirmCancel}
        title={b?.status === 'waiting' ? '退出候补' : '取消预约'}
        content={b?.status === 'waiting' ? '退出后不再排队候补，确定退出吗？' : '取消后名额会让给排队候补的居民，确定取消吗？'}
        confirmText='确定取消'
        cancelText='不取消'
        onConfirm={() => {
          setConfirmCancel(false)
          void run('cancel', '已取消。')
        }}
        onCancel={() => setConfirmCancel(false)}
      />
    </Page>
  )
}
