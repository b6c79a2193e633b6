import { useMemo, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Dialog, Input } from '@nutui/nutui-react-taro'
import { BOOKING_LIMITS, TEXT_LIMITS, addLocalDays, isLocalDate, type SlotView, type WeeklySlotRule } from '@linli/shared'
import { LoadState } from '../../components/LoadState'
import { Page } from '../../components/Page'
import { DateStrip } from '../../components/BookingParts'
import { manage, useSchedule, useService, useSlots } from '../../hooks/useBookings'
import { useSession } from '../../hooks/useSession'
import { clockMinutes, dateStrip, localInstant, localTime, slotWhen } from '../../utils/booking'
import { asChoice, asChoiceGroup } from '../../utils/a11y'
import { slotCounts } from '../slots/index'
import { ERROR_MESSAGES } from '../../services/messages'
import '../provider.scss'

const WEEKDAY_NAMES = ['一', '二', '三', '四', '五', '六', '日']

/** A weekly row as typed. */
interface WeeklyRow {
  weekday: number
  start: string
  end: string
  capacity: string
}

/** Rows to the schedule the server takes, or the first problem in words (row numbers as people count them). */
export function weeklyRules(rows: WeeklyRow[]): { weekly: WeeklySlotRule[] } | { problem: string } {
  const weekly: WeeklySlotRule[] = []
  for (const [i, r] of rows.entries()) {
    const start = clockMinutes(r.start)
    const end = clockMinutes(r.end)
    const capacity = /^\d+$/.test(r.capacity.trim()) ? Number(r.capacity) : 0
    if (start === null || end === null) return { problem: `第${i + 1}行：时间请写成 09:00 这样` }
    if (end <= start) return { problem: `第${i + 1}行：结束时间要晚于开始时间，请改一下结束时间` }
    if (capacity < 1 || capacity > BOOKING_LIMITS.capacityMax) return { problem: `第${i + 1}行：名额请填1到${BOOKING_LIMITS.capacityMax}的整数` }
    weekly.push({ weekday: r.weekday, start: r.start.trim(), end: r.end.trim(), capacity })
  }
  return { weekly }
}

/** The bookings closing these slots cancels: places taken (participants and volunteers) and the waiting list. */
export function bookingsOn(slots: Pick<SlotView, 'closed' | 'capacity' | 'placesLeft' | 'waitingCount' | 'volunteerCapacity' | 'volunteerPlacesLeft'>[]): number {
  return slots.filter((s) => !s.closed).reduce((n, s) => n + (s.capacity - s.placesLeft) + s.waitingCount + (s.volunteerCapacity - s.volunteerPlacesLeft), 0)
}

function reasonProblem(reason: string): string | null {
  const n = reason.trim().length
  return n < TEXT_LIMITS.reasonMin || n > TEXT_LIMITS.reasonMax ? `请写明原因（${TEXT_LIMITS.reasonMin}到${TEXT_LIMITS.reasonMax}字），每位已预约的人都会收到` : null
}

/**
 * A `units` period (garden plots for a season) from its first and last local day, as the server stores it: from
 * 00:00 of the first day to 00:00 after the last; or the first problem in words.
 */
export function periodTimes(first: string, last: string, today: string): { startsAt: string; endsAt: string } | { problem: string } {
  if (!isLocalDate(first.trim()) || !isLocalDate(last.trim())) return { problem: '日期请写成 2027-03-01 这样' }
  if (first.trim() <= today) return { problem: '认领期要从明天或以后开始，请改一下开始日期' }
  if (last.trim() < first.trim()) return { problem: '最后一天不能早于开始日期，请改一下最后一天' }
  if (addLocalDays(first.trim(), BOOKING_LIMITS.periodDaysMax) <= last.trim()) return { problem: `一个认领期最长${BOOKING_LIMITS.periodDaysMax}天，请把最后一天提前` }
  return { startsAt: localInstant(first.trim(), '00:00'), endsAt: localInstant(addLocalDays(last.trim(), 1), '00:00') }
}

type SlotAction = { slot: SlotView; kind: 'capacity' | 'move' | 'close' }
type Confirm = { kind: 'day' } | { kind: 'move' | 'close'; slot: SlotView }

/**
 * 每周排班 and the days ahead of one item: the weekly rows; a day's slots with 调整名额, 调整时间 and 停止服务;
 * 停止服务 for a whole day; a one-off slot. Anything that cancels or moves people's bookings is confirmed first and
 * says who is told. Days and times are the community's local ones.
 */
export default function SchedulePage() {
  useSession()
  const { params } = useRouter()
  const serviceId = params.serviceId ? Number(params.serviceId) : null
  const item = useService(serviceId)
  const schedule = useSchedule(serviceId)
  const days = useMemo(() => dateStrip(Math.min(BOOKING_LIMITS.advanceDaysMax, Math.max(7, (item.data?.advanceDays ?? 7) + 1))), [item.data?.advanceDays])
  const [day, setDay] = useState(days[0].date)
  // A `units` item lists its periods (the next 92 days, the most one query reads), not a day's slots.
  const units = item.data?.mode === 'units'
  const today = days[0].date
  const slots = useSlots(item.data ? serviceId : null, units ? { from: today, to: addLocalDays(today, 92) } : { from: day, to: day })
  const daySlots = slots.data ?? []

  const [rows, setRows] = useState<WeeklyRow[] | null>(null)
  const weeklyRows = rows ?? (schedule.data?.weekly ?? []).map((r) => ({ weekday: r.weekday, start: r.start, end: r.end, capacity: String(r.capacity) }))
  const [dayReason, setDayReason] = useState('')
  const [newSlot, setNewSlot] = useState({ start: '', end: '', capacity: '' })
  const [newPeriod, setNewPeriod] = useState({ first: '', last: '', capacity: '' })
  const [action, setAction] = useState<SlotAction | null>(null)
  const [actionInput, setActionInput] = useState({ capacity: '', date: '', start: '', end: '', reason: '' })
  const [confirm, setConfirm] = useState<Confirm | null>(null)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)

  const run = async (work: () => Promise<string>) => {
    if (busy || serviceId === null) return
    setBusy(true)
    try {
      setMessage({ ok: true, text: await work() })
      await Promise.all([slots.reload(), schedule.reload()])
    } catch (err) {
      setMessage({ ok: false, text: err instanceof Error ? err.message : ERROR_MESSAGES.actionFailed })
    } finally {
      setBusy(false)
    }
  }

  const saveWeekly = () => {
    const made = weeklyRules(weeklyRows)
    if ('problem' in made) return setMessage({ ok: false, text: made.problem })
    void run(async () => {
      const saved = await manage.saveWeekly(serviceId as number, made.weekly)
      setRows(null)
      return saved.generatedUntil ? `排班已保存，已排到${saved.generatedUntil}（已有的时段不变）` : '排班已保存'
    })
  }
  const setRow = (i: number, patch: Partial<WeeklyRow>) => setRows(weeklyRows.map((r, n) => (n === i ? { ...r, ...patch } : r)))

  const addSlot = () => {
    const start = clockMinutes(newSlot.start)
    const end = clockMinutes(newSlot.end)
    const capacity = /^\d+$/.test(newSlot.capacity.trim()) ? Number(newSlot.capacity) : 0
    if (start === null || end === null) return setMessage({ ok: false, text: '时间请写成 09:00 这样' })
    if (end <= start) return setMessage({ ok: false, text: '结束时间要晚于开始时间，请改一下结束时间' })
    if (capacity < 1 || capacity > BOOKING_LIMITS.capacityMax) return setMessage({ ok: false, text: `名额请填1到${BOOKING_LIMITS.capacityMax}的整数` })
    void run(async () => {
      const made = await manage.addSlot(serviceId as number, { startsAt: localInstant(day, newSlot.start), endsAt: localInstant(day, newSlot.end), capacity })
      setNewSlot({ start: '', end: '', capacity: '' })
      return `已添加时段 ${slotWhen(made)}`
    })
  }

  const addPeriod = () => {
    const times = periodTimes(newPeriod.first, newPeriod.last, today)
    if ('problem' in times) return setMessage({ ok: false, text: times.problem })
    const capacity = /^\d+$/.test(newPeriod.capacity.trim()) ? Number(newPeriod.capacity) : 0
    if (capacity < 1 || capacity > BOOKING_LIMITS.capacityMax) return setMessage({ ok: false, text: `块数请填1到${BOOKING_LIMITS.capacityMax}的整数` })
    void run(async () => {
      const made = await manage.addSlot(serviceId as number, { ...times, capacity })
      setNewPeriod({ first: '', last: '', capacity: '' })
      return `已添加认领期 ${slotWhen(made, undefined, 'units')}，共${capacity}块`
    })
  }

  const openAction = (slot: SlotView, kind: SlotAction['kind']) => {
    setAction({ slot, kind })
    setActionInput({ capacity: String(slot.capacity), date: slot.date, start: localTime(slot.startsAt), end: localTime(slot.endsAt), reason: '' })
    setMessage(null)
  }

  const saveCapacity = (slot: SlotView) => {
    const capacity = /^\d+$/.test(actionInput.capacity.trim()) ? Number(actionInput.capacity) : 0
    if (capacity < 1 || capacity > BOOKING_LIMITS.capacityMax) return setMessage({ ok: false, text: `名额请填1到${BOOKING_LIMITS.capacityMax}的整数` })
    void run(async () => {
      await manage.setCapacity(slot.id, { capacity })
      setAction(null)
      return units ? `块数已改为${capacity}块` : `名额已改为${capacity}个`
    })
  }

  const askMove = (slot: SlotView) => {
    const start = clockMinutes(actionInput.start)
    const end = clockMinutes(actionInput.end)
    if (start === null || end === null) return setMessage({ ok: false, text: '时间请写成 09:00 这样' })
    if (end <= start) return setMessage({ ok: false, text: '结束时间要晚于开始时间，请改一下结束时间' })
    // Another day: within the days the strip shows (the booking window), never before today; the server checks closed days.
    if (!isLocalDate(actionInput.date.trim())) return setMessage({ ok: false, text: '日期请写成 2026-12-03 这样' })
    if (actionInput.date.trim() < today) return setMessage({ ok: false, text: '不能调整到已经过去的日子，请选今天或以后的日期' })
    const problem = reasonProblem(actionInput.reason)
    if (problem) return setMessage({ ok: false, text: problem })
    setConfirm({ kind: 'move', slot })
  }
  const askClose = (slot: SlotView) => {
    const problem = reasonProblem(actionInput.reason)
    if (problem) return setMessage({ ok: false, text: problem })
    setConfirm({ kind: 'close', slot })
  }
  const askCloseDay = () => {
    const problem = reasonProblem(dayReason)
    if (problem) return setMessage({ ok: false, text: problem })
    setConfirm({ kind: 'day' })
  }

  const confirmed = () => {
    const c = confirm
    setConfirm(null)
    if (!c) return
    if (c.kind === 'day')
      void run(async () => {
        const r = await manage.closeDay(serviceId as number, { date: day, reason: dayReason.trim() })
        setDayReason('')
        return `${day} 已停止服务：关闭${r.closedSlots}个时段，取消${r.cancelledBookings}个预约，已通知每位预约人`
      })
    else if (c.kind === 'move')
      void run(async () => {
        const date = actionInput.date.trim()
        const moved = await manage.move(c.slot.id, { startsAt: localInstant(date, actionInput.start), endsAt: localInstant(date, actionInput.end), reason: actionInput.reason.trim() })
        setAction(null)
        return `时段已调整到 ${slotWhen(moved)}，已通知每位预约人`
      })
    else
      void run(async () => {
        await manage.closeSlot(c.slot.id, actionInput.reason.trim())
        setAction(null)
        return `${slotWhen(c.slot, undefined, item.data?.mode)} 已停止服务，已通知每位${units ? '认领人' : '预约人'}`
      })
  }

  const dayBookings = bookingsOn(daySlots)
  const closure = (schedule.data?.closures ?? []).find((c) => c.date === day)
  const confirmText =
    confirm?.kind === 'day'
      ? `${day} 全天停止服务：关闭${daySlots.filter((s) => !s.closed).length}个时段，取消${dayBookings}个预约（含候补）。每位预约人都会收到通知和原因。`
      : confirm?.kind === 'close'
        ? `停止 ${slotWhen(confirm.slot, undefined, item.data?.mode)}：取消${bookingsOn([confirm.slot])}个${units ? '认领' : '预约'}（含候补）。每位${units ? '认领人' : '预约人'}都会收到通知和原因。`
        : confirm?.kind === 'move'
          ? `把 ${slotWhen(confirm.slot)} 调整到 ${actionInput.date.trim() === confirm.slot.date ? '' : `${actionInput.date.trim()} `}${actionInput.start}–${actionInput.end}。${bookingsOn([confirm.slot])}位预约人都会收到通知，可以保留新时间，也可以取消，不算作爽约或迟取消。`
          : ''

  return (
    <Page className='provider'>
      <LoadState loading={item.loading && !item.data} error={item.data ? null : item.error} onRetry={item.reload}>
        <Text className='card__title'>{item.data?.name}</Text>

        {units ? (
          <Text className='hint schedule__units-hint'>认领类服务（如菜园地块）按认领期添加：每期写开始日期、最后一天和块数，一次认领一块。</Text>
        ) : (
        <View className='card provider-form'>
          <Text className='card__title'>每周排班</Text>
          <Text className='hint'>保存后按排班生成预约窗口内每一天的时段；已经有的时段不变。</Text>
          {weeklyRows.length === 0 && <Text className='hint'>还没有每周排班，可以逐个添加时段</Text>}
          {weeklyRows.map((r, i) => (
            <View key={i} className='schedule__row' data-row={i}>
              <View className='chip-row' {...asChoiceGroup(`第${i + 1}行 星期`)}>
                {WEEKDAY_NAMES.map((w, n) => (
                  <View key={w} className={`chip${r.weekday === n + 1 ? ' chip--active' : ''}`} onClick={() => setRow(i, { weekday: n + 1 })} {...asChoice(r.weekday === n + 1, `第${i + 1}行：周${w}`)}>
                    <Text>周{w}</Text>
                  </View>
                ))}
              </View>
              <Input className='schedule__start' value={r.start} placeholder='开始 09:00' onChange={(v) => setRow(i, { start: v })} />
              <Input className='schedule__end' value={r.end} placeholder='结束 10:30' onChange={(v) => setRow(i, { end: v })} />
              <Input className='schedule__capacity' type='number' value={r.capacity} placeholder='名额' onChange={(v) => setRow(i, { capacity: v })} />
              <Button size='small' type='default' onClick={() => setRows(weeklyRows.filter((_, n) => n !== i))}>
                删除第{i + 1}行
              </Button>
            </View>
          ))}
          <View className='actions'>
            <Button className='schedule__add-row' type='default' onClick={() => setRows([...weeklyRows, { weekday: 1, start: '09:00', end: '10:00', capacity: '10' }])}>
              添加一行
            </Button>
            <Button className='schedule__save' type='primary' disabled={busy} onClick={saveWeekly}>
              保存排班
            </Button>
          </View>
          {(schedule.data?.closures ?? []).length > 0 && <Text className='hint'>已停止服务的日子：{schedule.data!.closures.map((c) => `${c.date}（${c.reason}）`).join('、')}</Text>}
        </View>
        )}

        {!units && <DateStrip days={days} value={day} onChange={(d) => { setDay(d); setAction(null) }} />}
        {message && (
          <View className={message.ok ? 'hint schedule__message' : 'provider-form__error schedule__message'} data-testid='schedule-message'>
            {message.text}
          </View>
        )}
        <LoadState loading={slots.loading && !slots.data} error={slots.data ? null : slots.error} empty={daySlots.length === 0} emptyText={units ? '近92天内还没有认领期，请在下面添加' : closure ? `这一天已停止服务：${closure.reason}` : '这一天没有时段'} onRetry={slots.reload}>
          {daySlots.map((slot) => (
            <View key={slot.id} className='card provider-form' data-slot={slot.id}>
              <Text className='provider__slot-time'>{units ? slotWhen(slot, undefined, 'units') : `${localTime(slot.startsAt)}–${localTime(slot.endsAt)}`}</Text>
              <Text className={slot.closed ? 'hint' : 'provider__slot-counts'}>{slotCounts(slot)}</Text>
              {!slot.closed && (
                <View className='actions'>
                  <Button size='small' type='default' className='slot__capacity' onClick={() => openAction(slot, 'capacity')}>{units ? '调整块数' : '调整名额'}</Button>
                  {!units && <Button size='small' type='default' className='slot__move' onClick={() => openAction(slot, 'move')}>调整时间</Button>}
                  <Button size='small' type='default' className='slot__close' onClick={() => openAction(slot, 'close')}>{units ? '停止本期' : '停止本时段'}</Button>
                </View>
              )}
              {action?.slot.id === slot.id && action.kind === 'capacity' && (
                <View className='schedule__row'>
                  <Input className='slot__capacity-input' type='number' value={actionInput.capacity} placeholder={`名额，已约${slot.capacity - slot.placesLeft}个`} onChange={(v) => setActionInput((a) => ({ ...a, capacity: v }))} />
                  <Button size='small' type='primary' className='slot__capacity-save' disabled={busy} onClick={() => saveCapacity(slot)}>保存名额</Button>
                </View>
              )}
              {action?.slot.id === slot.id && action.kind === 'move' && (
                <View className='schedule__row'>
                  <Text className='hint'>已预约的人都会收到通知，可以保留新时间，也可以取消，不算作爽约或迟取消。</Text>
                  <Input className='slot__move-date' value={actionInput.date} placeholder='新日期 2026-12-03' onChange={(v) => setActionInput((a) => ({ ...a, date: v }))} />
                  <Input className='slot__move-start' value={actionInput.start} placeholder='新开始 09:00' onChange={(v) => setActionInput((a) => ({ ...a, start: v }))} />
                  <Input className='slot__move-end' value={actionInput.end} placeholder='新结束 10:00' onChange={(v) => setActionInput((a) => ({ ...a, end: v }))} />
                  <Input className='slot__reason' value={actionInput.reason} placeholder='调整原因（会告诉预约人）' onChange={(v) => setActionInput((a) => ({ ...a, reason: v }))} />
                  <Button size='small' type='primary' className='slot__move-save' disabled={busy} onClick={() => askMove(slot)}>调整时间</Button>
                </View>
              )}
              {action?.slot.id === slot.id && action.kind === 'close' && (
                <View className='schedule__row'>
                  <Text className='hint'>将取消本时段的{bookingsOn([slot])}个预约（含候补），每位预约人都会收到通知。</Text>
                  <Input className='slot__reason' value={actionInput.reason} placeholder='停止原因（会告诉预约人）' onChange={(v) => setActionInput((a) => ({ ...a, reason: v }))} />
                  <Button size='small' type='primary' className='slot__close-save' disabled={busy} onClick={() => askClose(slot)}>停止本时段</Button>
                </View>
              )}
            </View>
          ))}
        </LoadState>

        {units ? (
          <View className='card provider-form'>
            <Text className='card__title'>添加认领期</Text>
            <View className='schedule__row'>
              <Input className='new-period__first' value={newPeriod.first} placeholder='开始日期 2027-03-01' onChange={(v) => setNewPeriod((p) => ({ ...p, first: v }))} />
              <Input className='new-period__last' value={newPeriod.last} placeholder='最后一天 2027-08-31' onChange={(v) => setNewPeriod((p) => ({ ...p, last: v }))} />
              <Input className='new-period__capacity' type='number' value={newPeriod.capacity} placeholder='块数' onChange={(v) => setNewPeriod((p) => ({ ...p, capacity: v }))} />
              <Button size='small' type='primary' className='new-period__add' disabled={busy} onClick={addPeriod}>添加认领期</Button>
            </View>
          </View>
        ) : (
        <View className='card provider-form'>
          <Text className='card__title'>在这一天添加时段</Text>
          <View className='schedule__row'>
            <Input className='new-slot__start' value={newSlot.start} placeholder='开始 14:00' onChange={(v) => setNewSlot((s) => ({ ...s, start: v }))} />
            <Input className='new-slot__end' value={newSlot.end} placeholder='结束 15:00' onChange={(v) => setNewSlot((s) => ({ ...s, end: v }))} />
            <Input className='new-slot__capacity' type='number' value={newSlot.capacity} placeholder='名额' onChange={(v) => setNewSlot((s) => ({ ...s, capacity: v }))} />
            <Button size='small' type='primary' className='new-slot__add' disabled={busy} onClick={addSlot}>添加时段</Button>
          </View>
        </View>
        )}

        {!units && !closure && daySlots.some((s) => !s.closed) && (
          <View className='card provider-form'>
            <Text className='card__title'>这一天全天停止服务</Text>
            <Text className='hint'>将关闭这一天的{daySlots.filter((s) => !s.closed).length}个时段，取消{dayBookings}个预约（含候补），每位预约人都会收到通知和原因。</Text>
            <Input className='day__reason' value={dayReason} placeholder='停止原因，如 节假日闭馆' onChange={setDayReason} />
            <Button className='day__close' type='default' block disabled={busy} onClick={askCloseDay}>停止这一天的服务</Button>
          </View>
        )}
      </LoadState>
      <Dialog
        visible={confirm !== null}
        title={confirm?.kind === 'move' ? '确认调整时间' : '确认停止服务'}
        content={confirmText}
        confirmText={confirm?.kind === 'move' ? '确认调整' : '确认停止'}
        onConfirm={confirmed}
        onCancel={() => setConfirm(null)}
      />
    </Page>
  )
}

