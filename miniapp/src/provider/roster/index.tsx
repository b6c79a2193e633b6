import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { BOOKING_STATUS_LABELS, type RosterEntry } from '@linli/shared'
import { LoadState } from '../../components/LoadState'
import { Page } from '../../components/Page'
import { BookingStatusTag } from '../../components/BookingParts'
import { checkInByCode, runBookingStep, useRoster } from '../../hooks/useBookings'
import { useSession } from '../../hooks/useSession'
import { IS_WEAPP } from '../../services/config'
import { download } from '../../services/request'
import { slotWhen } from '../../utils/booking'
import { formatDateTime } from '../../utils/format'
import { ERROR_MESSAGES } from '../../services/messages'
import '../provider.scss'

/** The 6 digits of a check-in code, from what was typed or what the QR code held; null when there are not 6. */
export function codeFrom(text: string): string | null {
  const digits = text.replace(/\D/g, '')
  return digits.length === 6 ? digits : null
}

/** A slot's roster: counts, check-in by the code (scanned in WeChat, typed anywhere), 签到 / 标记未到 per person, the export. */
export default function RosterPage() {
  useSession()
  const { params } = useRouter()
  const slotId = params.slotId ? Number(params.slotId) : null
  const roster = useRoster(slotId)
  const [code, setCode] = useState('')
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState<number | 'code' | null>(null)

  usePullDownRefresh(async () => {
    await roster.reload()
    Taro.stopPullDownRefresh()
  })

  const checkIn = async (raw: string) => {
    const digits = codeFrom(raw)
    if (!digits) {
      setResult({ ok: false, text: '签到码是6位数字，请核对后再输入' })
      return
    }
    if (slotId === null || busy) return
    setBusy('code')
    try {
      const booking = await checkInByCode(slotId, digits)
      setResult({ ok: true, text: `${booking.holder.name} 签到成功` })
      setCode('')
      await roster.reload()
    } catch (err) {
      setResult({ ok: false, text: err instanceof Error ? err.message : ERROR_MESSAGES.checkInFailed })
    } finally {
      setBusy(null)
    }
  }

  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      await checkIn(res.result)
    } catch {
      // cancelled: nothing to do
    }
  }

  const mark = async (entry: RosterEntry, step: 'check-in' | 'no-show') => {
    if (busy) return
    setBusy(entry.bookingId)
    try {
      await runBookingStep(entry.bookingId, step)
      await roster.reload()
    } catch {
      // the request module showed the API's words
    } finally {
      setBusy(null)
    }
  }

  const exportRoster = async (kind: 'xlsx' | 'csv') => {
    if (!roster.data) return
    const name = `${roster.data.service.name}-${roster.data.slot.date}-签到名单.${kind}`
    await (kind === 'xlsx' ? download('GET /exports/roster.xlsx', { slotId: slotId as number }, name) : download('GET /exports/roster.csv', { slotId: slotId as number }, name)).catch(() => undefined)
  }

  const r = roster.data
  return (
    <Page className='roster'>
      <LoadState loading={roster.loading && !r} error={r ? null : roster.error} onRetry={roster.reload}>
        {r && (
          <>
            <View className='card'>
              <Text className='card__title'>{r.service.name}</Text>
              <Text className='hint'>
                {slotWhen(r.slot, undefined, r.service.mode)} · {r.service.place}
              </Text>
              <View className='roster__counts' data-testid='roster-counts'>
                <Text>已约 {r.counts.booked + r.counts.attended + r.counts.noShow + r.counts.offered}/{r.slot.capacity}</Text>
                <Text>已签到 {r.counts.attended}</Text>
                <Text>未到 {r.counts.noShow}</Text>
                <Text>候补 {r.counts.waiting}</Text>
              </View>
            </View>

            {!r.slot.closed && (
              <View className='card'>
                <Text className='card__title'>签到</Text>
                {IS_WEAPP && (
                  <Button className='roster__scan' type='primary' size='large' block onClick={scan}>
                    扫码签到
                  </Button>
                )}
                <View className='roster__code'>
                  <Input className='roster__code-input' type='number' maxlength={6} aria-label='签到码' placeholder='输入6位签到码' value={code} onInput={(e) => setCode(e.detail.value)} />
                  <Button className='roster__code-submit' type='primary' loading={busy === 'code'} onClick={() => checkIn(code)}>
                    签到
                  </Button>
                </View>
                {result && <Text className={`roster__result roster__result--${result.ok ? 'ok' : 'bad'}`} data-testid='check-in-result'>{result.text}</Text>}
              </View>
            )}

            <Text className='section-title'>名单（{r.entries.length}人）</Text>
            {r.entries.length === 0 && <Text className='hint roster__empty'>还没有人预约这个时段</Text>}
            {r.entries.map((e) => (
              <View key={e.bookingId} className='card roster__entry' data-booking={e.bookingId}>
                <View className='roster__who'>
                  <Text className='roster__name'>
                    {e.name}
                    {e.role === 'volunteer' ? '（志愿者）' : ''}
                  </Text>
                  <Text className='hint'>
                    {e.phone ?? '无手机号'}
                    {e.bookedBy ? ` · ${e.bookedBy.name}代约` : ''}
                    {e.status === 'waiting' && e.waitingPosition ? ` · 候补第${e.waitingPosition}位` : ''}
                    {e.checkedInAt ? ` · ${formatDateTime(e.checkedInAt)}签到` : ''}
                  </Text>
                </View>
                <BookingStatusTag status={e.status} />
                <View className='roster__buttons'>
                  {e.allowedActions.includes('check_in') && (
                    <Button className='roster__check-in' type='primary' size='small' disabled={busy !== null} onClick={() => mark(e, 'check-in')}>
                      签到
                    </Button>
                  )}
                  {e.allowedActions.includes('mark_no_show') && (
                    <Button className='roster__no-show' type='default' size='small' disabled={busy !== null} onClick={() => mark(e, 'no-show')}>
                      {BOOKING_STATUS_LABELS.no_show}
                    </Button>
                  )}
                </View>
              </View>
            ))}

            <View className='actions'>
              <Button className='roster__export' type='default' block onClick={() => exportRoster('xlsx')}>
                导出名单（Excel）
              </Button>
              <Button className='roster__export-csv' type='default' fill='outline' block onClick={() => exportRoster('csv')}>
                导出名单（CSV）
              </Button>
            </View>
          </>
        )}
      </LoadState>
    </Page>
  )
}

