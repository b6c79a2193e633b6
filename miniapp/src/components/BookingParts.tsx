/** 预约's shared pieces: the status tag, a booking's card, the date strip, the check-in code with its QR code. */
import { useMemo } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import qrcode from 'qrcode-generator'
import { BOOKING_STATUS_LABELS, SERVICE_FAMILY_LABELS, type BookingStatus, type BookingView } from '@linli/shared'
import { formatDateTime } from '../utils/format'
import { slotWhen, spacedCode, type StripDay } from '../utils/booking'
import { asButton, asChoice, asChoiceGroup, asImage } from '../utils/a11y'
import './BookingParts.scss'

const TAG_TYPES: Record<BookingStatus, 'default' | 'primary' | 'info' | 'success' | 'danger' | 'warning'> = {
  booked: 'primary',
  waiting: 'warning',
  offered: 'danger',
  attended: 'success',
  no_show: 'default',
  cancelled: 'default',
  expired: 'default',
}

export function BookingStatusTag({ status }: { status: BookingStatus }) {
  return (
    <Tag className='status-tag' type={TAG_TYPES[status]} round>
      {BOOKING_STATUS_LABELS[status]}
    </Tag>
  )
}

/** What a booking needs from its holder now, in one line (null when nothing). */
export function bookingNextStep(b: Pick<BookingView, 'status' | 'offerExpiresAt' | 'waitingPosition' | 'allowedActions' | 'rating'>): string | null {
  if (b.status === 'offered') return `候补到位！请在${formatDateTime(b.offerExpiresAt)}前确认，逾时名额顺延给下一位`
  if (b.status === 'waiting') return b.waitingPosition ? `候补第${b.waitingPosition}位，有人取消会按顺序通知您` : '候补中，有人取消会按顺序通知您'
  if (b.status === 'attended' && b.allowedActions.includes('rate')) return '服务已完成，请评价'
  return null
}

export function BookingCard({ booking, onClick, showHolder }: { booking: BookingView; onClick: () => void; showHolder?: boolean }) {
  const next = bookingNextStep(booking)
  return (
    <View className={`card booking-card booking-card--${booking.status}`} onClick={onClick} {...asButton()}>
      <View className='booking-card__head'>
        <Text className='booking-card__name'>{booking.service.name}</Text>
        <BookingStatusTag status={booking.status} />
      </View>
      <Text className='booking-card__when'>{slotWhen(booking.slot, undefined, booking.service.mode)}</Text>
      <Text className='hint'>
        {SERVICE_FAMILY_LABELS[booking.service.family]} · {booking.service.place}
      </Text>
      {showHolder && <Text className='hint'>预约人：{booking.holder.name}</Text>}
      {!showHolder && booking.bookedBy && <Text className='hint'>网格员{booking.bookedBy.name}代您预约</Text>}
      {next && <Text className={`booking-card__next${booking.status === 'offered' ? ' text-danger' : ''}`}>{next}</Text>}
    </View>
  )
}

/** Service items as chips to choose one from (a staff page's item picker). */
export function ServiceChips({ items, value, onChange, className }: { items: { id: number; name: string }[]; value: number | null; onChange: (id: number) => void; className: string }) {
  return (
    <View className={`chip-row ${className}`} {...asChoiceGroup('服务项目')}>
      {items.map((s) => (
        <View key={s.id} className={`chip${s.id === value ? ' chip--active' : ''}`} onClick={() => onChange(s.id)} {...asChoice(s.id === value)}>
          <Text>{s.name}</Text>
        </View>
      ))}
    </View>
  )
}

/** The community's local days as chips; a day with no slot with places is marked 满 or 无. */
export function DateStrip({ days, value, onChange, marks }: { days: StripDay[]; value: string; onChange: (date: string) => void; marks?: Record<string, string> }) {
  return (
    <View className='date-strip' {...asChoiceGroup('选择日期')}>
      {days.map((d) => {
        const mark = marks?.[d.date]
        return (
          <View
            key={d.date}
            className={`date-strip__day${d.date === value ? ' date-strip__day--active' : ''}`}
            data-date={d.date}
            onClick={() => onChange(d.date)}
            {...asChoice(d.date === value, `${d.label} ${d.short}${mark ? ` ${mark}` : ''}`)}
          >
            <Text className='date-strip__label'>{d.label}</Text>
            <Text className='date-strip__date'>{d.short}</Text>
            {mark && <Text className='date-strip__mark'>{mark}</Text>}
          </View>
        )
      })}
    </View>
  )
}

/**
 * The QR code of a check-in code, as a GIF data URL drawn by qrcode-generator: the same <image> in WeChat and
 * in a browser, nothing to fetch, no canvas node to find. It carries the 6 digits only, as typed at the desk.
 */
export function qrDataUrl(text: string, cellSize = 8): string {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  return qr.createDataURL(cellSize, cellSize * 2)
}

/** 签到码: large digits (larger still in elder mode) and the QR code the provider scans. */
export function CheckInCode({ code }: { code: string }) {
  const src = useMemo(() => qrDataUrl(code), [code])
  return (
    <View className='card check-in'>
      <Text className='card__title'>签到码</Text>
      <Text className='hint'>到场后出示给工作人员，扫码或报出这6位数字即可签到</Text>
      <View className='check-in__code' ariaLabel={`签到码 ${code.split('').join(' ')}`} data-testid='check-in-code'>
        {spacedCode(code)}
      </View>
      <Image className='check-in__qr' src={src} mode='aspectFit' {...asImage(`签到二维码，内容是签到码${code}`)} />
    </View>
  )
}
