import { useMemo, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Dialog } from '@nutui/nutui-react-taro'
import { BOOKING_STATUS_LABELS, OFFER_HOLD_MINUTES, SERVICE_FAMILY_LABELS, type BookingRole, type ServiceItemDetail, type SlotView } from '@linli/shared'
import { LoadState } from '../../components/LoadState'
import { Page } from '../../components/Page'
import { DateStrip } from '../../components/BookingParts'
import { askForBookingHelp, createBooking, useService, useSlots, useVolunteerHours } from '../../hooks/useBookings'
import { useSession } from '../../hooks/useSession'
import { askForSubscriptions, useSubscriptionTemplates } from '../../hooks/useSubscriptions'
import { createSubmissionKeys } from '../../services/idempotency'
import { ApiRequestError, showError } from '../../services/request'
import { hasRole } from '../../services/session'
import { dateStrip, hoursText, localTime, minutesAsWords, modeWords, placesText, slotWhen } from '../../utils/booking'
import { formatDateTime } from '../../utils/format'
import { asButton, asChoice, asChoiceGroup } from '../../utils/a11y'
import { ERROR_MESSAGES } from '../../services/messages'
import './index.scss'

/** Marks on the date strip: 无 (no slot that day), 满 (none with a place left). */
export function dayMarks(slots: SlotView[], days: string[]): Record<string, string> {
  const marks: Record<string, string> = {}
  for (const day of days) {
    const ofDay = slots.filter((s) => s.date === day && !s.closed)
    if (ofDay.length === 0) marks[day] = '无'
    else if (!ofDay.some((s) => s.placesLeft > 0)) marks[day] = '满'
  }
  return marks
}

/** The day to show first: the first with an open slot that has a place, else the first with any slot, else today. */
export function firstUsefulDay(slots: SlotView[], days: string[]): string {
  return days.find((d) => slots.some((s) => s.date === d && s.open && s.placesLeft > 0)) ?? days.find((d) => slots.some((s) => s.date === d)) ?? days[0]
}

/** What to ask before booking: when, where, until when it can be cancelled, what to bring. */
export function confirmText(item: ServiceItemDetail, slot: SlotView, role: BookingRole = 'participant'): string {
  const parts = [`${item.mode === 'units' ? '认领期 ' : ''}${slotWhen(slot, undefined, item.mode)}，${item.place}。`]
  if (item.mode === 'units' && role === 'participant') parts.push('每次认领一块。')
  if (role === 'volunteer') parts.push(`以志愿者身份参加，到场签到后记入${minutesAsWords(item.volunteerMinutes)}志愿时长。`)
  parts.push(`开始前${minutesAsWords(item.cancelCutoffMinutes)}之前可以取消。`)
  if (item.documents.length) parts.push(`请携带：${item.documents.join('、')}。`)
  return parts.join('')
}

/**
 * 爱心银行 in the confirmation: what paying with hours costs against the balance, and whether it can be chosen.
 * The app only advises: the server's exchange (under the person's lock) decides, so a balance spent meanwhile on
 * another phone is still refused, in the server's words.
 */
export function hoursOffer(price: number, balance: number | null): { enough: boolean; text: string } {
  if (balance === null) return { enough: true, text: `可用志愿时长兑换：需${hoursText(price)}` }
  if (balance < price) return { enough: false, text: `志愿时长不足：需${hoursText(price)}，您现有${hoursText(balance)}，可以直接预约` }
  return { enough: true, text: `可用志愿时长兑换：需${hoursText(price)}，您现有${hoursText(balance)}` }
}

type Ask = { kind: 'confirm'; slot: SlotView; role: BookingRole } | { kind: 'full'; slot: SlotView }

export default function ServicePage() {
  const session = useSession()
  const resident = hasRole(session?.user, 'resident')
  const { params } = useRouter()
  const id = params.id ? Number(params.id) : null
  const service = useService(id)
  const item = service.data
  const days = useMemo(() => dateStrip((item?.advanceDays ?? 7) + 1), [item?.advanceDays])
  const slots = useSlots(item ? item.id : null, { from: days[0].date, to: days[days.length - 1].date })
  const [chosenDay, setChosenDay] = useState<string | null>(null)
  const [ask, setAsk] = useState<Ask | null>(null)
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState<string | null>(null)
  const [booked, setBooked] = useState<{ id: number; text: string } | null>(null)
  const [helpAsked, setHelpAsked] = useState(false)
  const [withHours, setWithHours] = useState(false)
  const keys = useRef(createSubmissionKeys()).current
  const hoursPrice = item?.hoursPrice ?? null
  const hours = useVolunteerHours(resident && hoursPrice !== null)
  const balance = hours.data?.balanceMinutes ?? null
  const offer = hoursPrice !== null ? hoursOffer(hoursPrice, balance) : null
  const templates = useSubscriptionTemplates('book', resident)

  const reloadAll = async () => {
    await Promise.all([service.reload(), slots.reload()])
  }
  usePullDownRefresh(async () => {
    await reloadAll()
    Taro.stopPullDownRefresh()
  })
  useDidShow(() => {
    // Back from a booking cancelled meanwhile: places left follow.
    if (!slots.loading && slots.data) void slots.reload()
  })

  const all = slots.data ?? []
  const dayList = days.map((d) => d.date)
  const day = chosenDay ?? firstUsefulDay(all, dayList)
  // A `units` item (garden plots for a season) lists its periods, not a day's slots.
  const units = item?.mode === 'units'
  const ofDay = units ? all : all.filter((s) => s.date === day)
  const words = modeWords(item?.mode)

  const book = async (slot: SlotView, body: { join?: 'waitlist'; role?: BookingRole; payWithHours?: boolean }) => {
    if (busy) return
    setBusy(true)
    setRefusal(null)
    const request = { slotId: slot.id, ...body }
    try {
      const booking = await createBooking(request, keys.keyFor(request))
      keys.done()
      setAsk(null)
      setBooked({
        id: booking.id,
        text:
          booking.status === 'waiting'
            ? `已加入候补${booking.waitingPosition ? `，排第${booking.waitingPosition}位` : ''}。有人取消时会通知您，请在${minutesAsWords(OFFER_HOLD_MINUTES)}内确认。`
            : `${words.book}成功：${slotWhen(slot, undefined, item?.mode)}，${item?.place ?? ''}${booking.paidMinutes ? `。已用${hoursText(booking.paidMinutes)}志愿时长兑换，取消后退回` : ''}`,
      })
      void slots.reload()
      if (booking.paidMinutes) void hours.reload()
    } catch (err) {
      if (err instanceof ApiRequestError && err.code === 'SLOT_FULL' && !body.join && body.role !== 'volunteer') {
        keys.done()
        setAsk({ kind: 'full', slot })
        void slots.reload()
      } else if (err instanceof ApiRequestError && err.isNetworkError) {
        // The same key goes with the next tap: the server books once however often the phone resends.
        showError(new Error(ERROR_MESSAGES.bookingNotConfirmed))
      } else {
        keys.done()
        setAsk(null)
        setRefusal(err instanceof Error ? err.message : ERROR_MESSAGES.bookingFailed)
        void reloadAll()
        if (body.payWithHours) void hours.reload()
      }
    } finally {
      setBusy(false)
    }
  }

  const joinWaitlist = async (slot: SlotView) => {
    // WeChat takes the subscription request only straight from the tap: ask first, then join.
    await askForSubscriptions(templates.data)
    await book(slot, { join: 'waitlist' })
  }

  const askHelp = async () => {
    try {
      await askForBookingHelp(item?.id)
      setHelpAsked(true)
    } catch {
      // the request module showed why
    }
  }

  return (
    <Page className='service'>
      <LoadState loading={service.loading && !item} error={item ? null : service.error} onRetry={service.reload}>
        {item && (
          <>
            <View className='card service__head'>
              <Text className='service__name'>{item.name}</Text>
              <Text className='hint'>
                {SERVICE_FAMILY_LABELS[item.family]} · {item.provider.name}
              </Text>
              <View className='service__facts'>
                <Text className='service__fact'>地点：{item.place}</Text>
                {item.duration && <Text className='service__fact'>用时：{item.duration}</Text>}
                <Text className='service__fact'>预约对象：{item.eligibilityText}</Text>
                <Text className='service__fact'>
                  {item.mode === 'units'
                    ? `认领期开始前${item.advanceDays}天开放认领，开始前${minutesAsWords(item.cancelCutoffMinutes)}之前可取消；每人最多${item.perPersonLimit}块、每户最多${item.perHouseholdLimit}块`
                    : `提前${item.advanceDays}天开放预约，开始前${minutesAsWords(item.cancelCutoffMinutes)}之前可取消；每人最多${item.perPersonLimit}个、每户最多${item.perHouseholdLimit}个未完成的预约`}
                </Text>
                {item.volunteerPlaces > 0 && <Text className='service__fact'>招募志愿者：每场{item.volunteerPlaces}名，到场计{minutesAsWords(item.volunteerMinutes)}志愿时长</Text>}
                {item.hoursPrice !== null && <Text className='service__fact'>可用志愿时长兑换：每次{hoursText(item.hoursPrice)}</Text>}
              </View>
              {item.description && <Text className='service__desc'>{item.description}</Text>}
              {item.documents.length > 0 && (
                <View className='service__docs'>
                  <Text className='service__docs-title'>请携带</Text>
                  {item.documents.map((d) => (
                    <Text key={d} className='service__doc'>
                      · {d}
                    </Text>
                  ))}
                </View>
              )}
            </View>

            {!item.canBook && item.cannotBook && (
              <View className='card notice notice--blocked' data-testid='cannot-book'>
                <Text>{item.cannotBook.message}</Text>
                {item.cannotBook.until && <Text className='hint'>{formatDateTime(item.cannotBook.until)}后可以再预约</Text>}
              </View>
            )}
            {refusal && (
              <View className='card notice notice--blocked' data-testid='refusal'>
                <Text>{refusal}</Text>
              </View>
            )}
            {booked && (
              <View className='card notice' data-testid='booked'>
                <Text>{booked.text}</Text>
                <Button className='service__see-booking' type='primary' fill='outline' block onClick={() => Taro.navigateTo({ url: `/pages/booking/index?id=${booked.id}` })}>
                  查看{words.book}和签到码
                </Button>
              </View>
            )}

            <Text className='section-title'>选择{words.slot}</Text>
            {!units && <DateStrip days={days} value={day} onChange={setChosenDay} marks={slots.data ? dayMarks(all, dayList) : undefined} />}
            <LoadState
              loading={slots.loading && !slots.data}
              error={slots.data ? null : slots.error}
              empty={ofDay.length === 0}
              emptyText={units ? `近${item.advanceDays}天内没有开放认领的认领期，请留意社区通知` : '这一天没有可预约的时段，换一天看看'}
              onRetry={slots.reload}
            >
              {ofDay.map((slot) => (
                <SlotRow
                  key={slot.id}
                  slot={slot}
                  item={item}
                  onBook={(role) => {
                    setWithHours(false)
                    setAsk(role === 'participant' && slot.placesLeft <= 0 ? { kind: 'full', slot } : { kind: 'confirm', slot, role })
                  }}
                />
              ))}
            </LoadState>

            {resident && (
              <View className='actions'>
                {helpAsked ? (
                  <Text className='hint' data-testid='help-asked'>已请网格员帮您预约，他们会联系您。</Text>
                ) : (
                  <Button className='service__help' type='default' size='large' block onClick={askHelp}>
                    请网格员帮我预约
                  </Button>
                )}
              </View>
            )}
          </>
        )}
      </LoadState>

      <Dialog
        visible={ask?.kind === 'confirm'}
        title={ask?.kind === 'confirm' && ask.role === 'volunteer' ? '确认志愿者报名' : `确认${words.book}`}
        content={
          ask?.kind === 'confirm' && item ? (
            <View className='service__confirm'>
              <Text>{`${item.name}：${confirmText(item, ask.slot, ask.role)}`}</Text>
              {ask.role === 'participant' && offer && (
                <View className='service__pay' data-testid='pay-with-hours'>
                  <Text className={`service__pay-text${offer.enough ? '' : ' service__pay-text--short'}`}>{offer.text}</Text>
                  <View className='chip-row' {...asChoiceGroup('付费方式')}>
                    <View className={`chip${!withHours ? ' chip--active' : ''}`} onClick={() => setWithHours(false)} {...asChoice(!withHours, '直接预约')}>
                      <Text>直接预约</Text>
                    </View>
                    {offer.enough && (
                      <View className={`chip service__pay-hours${withHours ? ' chip--active' : ''}`} onClick={() => setWithHours(true)} {...asChoice(withHours, `用志愿时长兑换${hoursText(hoursPrice!)}`)}>
                        <Text>用志愿时长兑换</Text>
                      </View>
                    )}
                  </View>
                </View>
              )}
            </View>
          ) : (
            ''
          )
        }
        confirmText={busy ? `${words.book}中…` : withHours && ask?.kind === 'confirm' && ask.role === 'participant' ? '确认兑换' : `确认${words.book}`}
        onConfirm={() => {
          if (ask?.kind !== 'confirm') return
          if (ask.role === 'volunteer') void book(ask.slot, { role: 'volunteer' })
          else void book(ask.slot, withHours && offer?.enough ? { payWithHours: true } : {})
        }}
        onCancel={() => setAsk(null)}
      />
      <Dialog
        visible={ask?.kind === 'full'}
        title={units ? '这一期已认领完' : '这个时段已约满'}
        content={`可以加入候补：有人取消时，名额按排队顺序留给您，并发消息通知您，需在${minutesAsWords(OFFER_HOLD_MINUTES)}内（最晚在开始前）确认。`}
        confirmText='加入候补'
        cancelText='换个时段'
        onConfirm={() => {
          if (ask?.kind === 'full') void joinWaitlist(ask.slot)
        }}
        onCancel={() => setAsk(null)}
      />
    </Page>
  )
}

function SlotRow({ slot, item, onBook }: { slot: SlotView; item: ServiceItemDetail; onBook: (role: BookingRole) => void }) {
  const words = modeWords(item.mode)
  const mine = slot.myBooking
  const full = slot.placesLeft <= 0
  const notYet = !slot.open && !slot.closed && new Date(slot.opensAt).getTime() > Date.now()
  return (
    <View className={`card slot${slot.closed ? ' slot--closed' : ''}`} data-slot={slot.id}>
      <View className='slot__main'>
        <Text className='slot__time'>{item.mode === 'units' ? slotWhen(slot, undefined, 'units') : `${localTime(slot.startsAt)}–${localTime(slot.endsAt)}`}</Text>
        <Text className={`slot__places${full || slot.closed ? ' slot__places--full' : ''}`}>{placesText(slot, item.mode)}</Text>
        {slot.movedAt && <Text className='hint'>时间已调整</Text>}
        {notYet && <Text className='hint'>{formatDateTime(slot.opensAt)}起可{words.book}</Text>}
      </View>
      {mine ? (
        <View className='slot__mine' onClick={() => Taro.navigateTo({ url: `/pages/booking/index?id=${mine.id}` })} {...asButton()}>
          <Text>{mine.status === 'waiting' && mine.waitingPosition ? `候补第${mine.waitingPosition}位` : BOOKING_STATUS_LABELS[mine.status]} ›</Text>
        </View>
      ) : (
        slot.open &&
        item.canBook && (
          <View className='slot__buttons'>
            <Button className='slot__book' type={full ? 'default' : 'primary'} onClick={() => onBook('participant')}>
              {full ? '候补' : words.book}
            </Button>
            {slot.volunteerPlacesLeft > 0 && (
              <Button className='slot__volunteer' type='default' fill='outline' onClick={() => onBook('volunteer')}>
                志愿者报名
              </Button>
            )}
          </View>
        )
      )}
    </View>
  )
}
