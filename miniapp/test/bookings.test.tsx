/** 预约 in the app: the catalogue, an item's slots and booking, 我的预约, a booking's page, the roster, 代办. */
import { describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { router } from './mocks/taro'
import { fakeApi, loginAs } from './fakeApi'
import { TODAY, booking, serviceItem, slot } from './bookingFixtures'
import { dateStrip, hoursText, minutesAsWords, modeWords, placesText, slotWhen, spacedCode } from '../src/utils/booking'
import { bookingNextStep, qrDataUrl } from '../src/components/BookingParts'
import ServicesPage from '../src/pages/services/index'
import ServicePage, { dayMarks, firstUsefulDay, hoursOffer } from '../src/pages/service/index'
import MyBookingsPage from '../src/pages/bookings/index'
import BookingPage, { cancelRule } from '../src/pages/booking/index'
import RosterPage, { codeFrom } from '../src/provider/roster/index'
import ProviderSlotsPage, { slotCounts } from '../src/provider/slots/index'
import BookForPage from '../src/worker/book-for/index'
import MinePage from '../src/pages/mine/index'

const posts = (api: ReturnType<typeof fakeApi>, path: string) => api.mock.calls.map((c) => c[0]).filter((c) => c.method === 'POST' && c.url.split('?')[0] === path)
const gets = (api: ReturnType<typeof fakeApi>, path: string) => api.mock.calls.map((c) => c[0]).filter((c) => c.method === 'GET' && c.url.split('?')[0] === path)

describe('预约 as people read it', () => {
  it('the date strip is the community\'s local days: 01:30 in Beijing on Thursday 3 December is already that day', () => {
    // 2026-12-02 17:30 UTC = 2026-12-03 01:30 Beijing
    const days = dateStrip(3, new Date('2026-12-02T17:30:00Z'), 480)
    expect(days).toEqual([
      { date: '2026-12-03', label: '今天', short: '12/3' },
      { date: '2026-12-04', label: '明天', short: '12/4' },
      { date: '2026-12-05', label: '周六', short: '12/5' },
    ])
  })
  it('a slot\'s time, places, hours and cut-offs in words', () => {
    expect(slotWhen({ startsAt: '2026-12-03T01:00:00Z', endsAt: '2026-12-03T02:30:00Z' }, 480)).toBe('12月3日（周四）09:00–10:30')
    expect(placesText({ closed: false, closedReason: null, placesLeft: 2, capacity: 20, waitingCount: 0, open: true })).toBe('剩余2个（共20个）')
    expect(placesText({ closed: false, closedReason: null, placesLeft: 0, capacity: 20, waitingCount: 3, open: true })).toBe('已约满，3人候补')
    expect(placesText({ closed: true, closedReason: '节假日闭馆', placesLeft: 20, capacity: 20, waitingCount: 0, open: false })).toBe('已停止：节假日闭馆')
    expect(hoursText(90)).toBe('1小时30分钟')
    expect(hoursText(120)).toBe('2小时')
    expect(hoursText(0)).toBe('0小时')
    expect(hoursText(-45)).toBe('-45分钟')
    expect(minutesAsWords(1440)).toBe('1天')
    expect(minutesAsWords(120)).toBe('2小时')
    expect(minutesAsWords(90)).toBe('90分钟')
    expect(spacedCode('482913')).toBe('482 913')
  })
  it('the provider\'s slot line counts the places taken', () => {
    expect(slotCounts({ capacity: 20, placesLeft: 3, waitingCount: 2, closed: false, closedReason: null })).toBe('已约17/20，候补2人')
    expect(slotCounts({ capacity: 20, placesLeft: 20, waitingCount: 0, closed: true, closedReason: '停电' })).toBe('已停止：停电')
  })
  it('a check-in code is 6 digits, typed with spaces or read from the QR code', () => {
    expect(codeFrom('482 913')).toBe('482913')
    expect(codeFrom('48291')).toBeNull()
    expect(codeFrom('4829130')).toBeNull()
  })
  it('the QR code is an image the same in both builds', () => {
    // version 1 (21 modules) with a 2-module margin each side at 8 px a module: a 200 × 200 GIF
    const url = qrDataUrl('482913')
    expect(url.startsWith('data:image/gif;base64,')).toBe(true)
    const bytes = Uint8Array.from(atob(url.slice('data:image/gif;base64,'.length)), (c) => c.charCodeAt(0))
    expect([bytes[6] | (bytes[7] << 8), bytes[8] | (bytes[9] << 8)]).toEqual([200, 200])
  })
  it('the date strip marks days without a slot, and full ones', () => {
    const slots = [slot({ date: '2026-12-03', placesLeft: 0 }), slot({ id: 12, date: '2026-12-04', placesLeft: 2 })]
    expect(dayMarks(slots, ['2026-12-03', '2026-12-04', '2026-12-05'])).toEqual({ '2026-12-03': '满', '2026-12-05': '无' })
    expect(firstUsefulDay(slots, ['2026-12-03', '2026-12-04', '2026-12-05'])).toBe('2026-12-04')
  })
  it('what a booking needs from its holder now', () => {
    expect(bookingNextStep({ status: 'waiting', waitingPosition: 2, offerExpiresAt: null, allowedActions: ['cancel'], rating: null })).toBe('候补第2位，有人取消会按顺序通知您')
    // 2026-12-03 03:00 UTC = 11:00 Beijing
    expect(bookingNextStep({ status: 'offered', waitingPosition: null, offerExpiresAt: '2026-12-03T03:00:00Z', allowedActions: ['confirm', 'cancel'], rating: null })).toBe('候补到位！请在12月3日 11:00前确认，逾时名额顺延给下一位')
    expect(bookingNextStep({ status: 'booked', waitingPosition: null, offerExpiresAt: null, allowedActions: ['cancel'], rating: null })).toBeNull()
  })
  it('the cancel rule says until when, and after the cut-off what to do instead', () => {
    const b = booking()
    // cancelUntil 2026-12-02 23:00 UTC = 12月3日 07:00 Beijing
    expect(cancelRule(b)).toBe('12月3日 07:00前可以取消')
    expect(cancelRule({ ...b, allowedActions: [] })).toBe('已过取消截止时间（12月3日 07:00），如不能到场请联系服务方')
    expect(cancelRule({ ...b, status: 'attended' })).toBeNull()
  })
})

describe('目录 (pages/services)', () => {
  it('lists the community\'s items, filters by family and searches by name', async () => {
    loginAs([{ role: 'resident' }])
    const api = fakeApi({ 'GET /api/services': [{ ...serviceItem(), nextAvailableAt: '2026-12-03T01:00:00.000Z' }] })
    render(<ServicesPage />)
    expect(await screen.findByText('老年证办理')).toBeTruthy()
    expect(screen.getByText('最近可约：12月3日 09:00')).toBeTruthy()
    fireEvent.click(screen.getByText('关爱'))
    await waitFor(() => expect(gets(api, '/api/services').at(-1)!.url).toBe('/api/services?family=care'))
    fireEvent.change(screen.getByPlaceholderText('搜索服务名称'), { target: { value: '老年' } })
    await waitFor(() => expect(gets(api, '/api/services').at(-1)!.url).toBe(`/api/services?family=care&q=${encodeURIComponent('老年')}`))
  })
})

describe('服务详情 (pages/service)', () => {
  it('shows provider, place, documents and who may book; an ineligible caller is told why in plain words', async () => {
    loginAs([{ role: 'resident' }])
    router.params = { id: '3' }
    fakeApi({
      'GET /api/services/3': serviceItem({ canBook: false, cannotBook: { code: 'NOT_ELIGIBLE', message: '此服务面向60周岁及以上居民', until: null } }),
      'GET /api/services/3/slots': [slot()],
    })
    render(<ServicePage />)
    expect(await screen.findByText('此服务面向60周岁及以上居民')).toBeTruthy()
    expect(screen.getByText('地点：社区服务大厅2号窗口')).toBeTruthy()
    expect(screen.getByText('· 身份证原件')).toBeTruthy()
    expect(screen.getByText('预约对象：本社区居民、60周岁及以上')).toBeTruthy()
    await screen.findByText('剩余1个（共5个）')
    // no 预约 button for someone who may not book
    expect(screen.queryByText('预约')).toBeNull()
  })

  it('books after the confirmation, and a resent tap after a network failure carries the same Idempotency-Key', async () => {
    loginAs([{ role: 'resident' }])
    router.params = { id: '3' }
    let attempts = 0
    const api = fakeApi({
      'GET /api/services/3': serviceItem(),
      'GET /api/services/3/slots': [slot()],
      'POST /api/bookings': () => (++attempts === 1 ? new Error('offline') : booking()),
    })
    render(<ServicePage />)
    fireEvent.click(await screen.findByText('预约'))
    const dialog = await screen.findByRole('dialog')
    expect(dialog.textContent).toContain('请携带：身份证原件、一寸照片2张')
    expect(dialog.textContent).toContain('开始前2小时之前可以取消')
    fireEvent.click(within(dialog).getByRole('button', { name: '确认预约' }))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络不给力，请再点一次，不会重复预约' })))
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: '确认预约' }))
    expect(await screen.findByTestId('booked')).toBeTruthy()
    const sent = posts(api, '/api/bookings')
    expect(sent).toHaveLength(2)
    expect(sent[0].data).toEqual({ slotId: 11 })
    expect(sent[0].header['Idempotency-Key']).toBeTruthy()
    expect(sent[1].header['Idempotency-Key']).toBe(sent[0].header['Idempotency-Key'])
  })

  it('爱心银行: the confirmation offers paying with hours, price against balance; a balance spent meanwhile is refused in the server\'s words', async () => {
    expect(hoursOffer(90, 120)).toEqual({ enough: true, text: '可用志愿时长兑换：需1小时30分钟，您现有2小时' })
    expect(hoursOffer(90, 60)).toEqual({ enough: false, text: '志愿时长不足：需1小时30分钟，您现有1小时，可以直接预约' })
    loginAs([{ role: 'resident' }])
    router.params = { id: '3' }
    let balance = 120
    const api = fakeApi({
      'GET /api/services/3': serviceItem({ hoursPrice: 90 }),
      'GET /api/services/3/slots': [slot()],
      'GET /api/me/volunteer-hours': () => ({ balanceMinutes: balance, entries: [] }),
      'POST /api/bookings': () => {
        balance = 0 // spent on another phone a moment ago
        return { statusCode: 409, code: 'HOURS_INSUFFICIENT', message: '志愿时长不足：需要1小时30分钟，当前余额0分钟。可以先参加志愿服务积累时长，或直接预约', requestId: 'r' }
      },
    })
    render(<ServicePage />)
    expect(await screen.findByText('可用志愿时长兑换：每次1小时30分钟')).toBeTruthy()
    fireEvent.click(await screen.findByText('预约'))
    const dialog = await screen.findByRole('dialog')
    await waitFor(() => expect(within(dialog).getByTestId('pay-with-hours').textContent).toContain('可用志愿时长兑换：需1小时30分钟，您现有2小时'))
    fireEvent.click(within(dialog).getByText('用志愿时长兑换'))
    fireEvent.click(within(dialog).getByRole('button', { name: '确认兑换' }))
    expect((await screen.findByTestId('refusal')).textContent).toBe('志愿时长不足：需要1小时30分钟，当前余额0分钟。可以先参加志愿服务积累时长，或直接预约')
    expect(posts(api, '/api/bookings')[0].data).toEqual({ slotId: 11, payWithHours: true })
    // Asked again, the balance read afresh: no hours choice, plain booking only.
    fireEvent.click(screen.getByText('预约'))
    const again = await screen.findByRole('dialog')
    await waitFor(() => expect(within(again).getByTestId('pay-with-hours').textContent).toContain('志愿时长不足：需1小时30分钟，您现有0小时'))
    expect(within(again).queryByText('用志愿时长兑换')).toBeNull()
    expect(within(again).getByRole('button', { name: '确认预约' })).toBeTruthy()
  })

  it('爱心银行: paying with hours books and says what was paid', async () => {
    loginAs([{ role: 'resident' }])
    router.params = { id: '3' }
    const api = fakeApi({
      'GET /api/services/3': serviceItem({ hoursPrice: 60 }),
      'GET /api/services/3/slots': [slot()],
      'GET /api/me/volunteer-hours': { balanceMinutes: 60, entries: [] },
      'POST /api/bookings': booking({ paidMinutes: 60 }),
    })
    render(<ServicePage />)
    fireEvent.click(await screen.findByText('预约'))
    const dialog = await screen.findByRole('dialog')
    fireEvent.click(await within(dialog).findByText('用志愿时长兑换'))
    fireEvent.click(within(dialog).getByRole('button', { name: '确认兑换' }))
    expect((await screen.findByTestId('booked')).textContent).toContain('已用1小时志愿时长兑换，取消后退回')
    expect(posts(api, '/api/bookings')[0].data).toEqual({ slotId: 11, payWithHours: true })
  })

  it('units: garden plots say 认领, 块 and the period by its days, with no date strip', async () => {
    // The winter season 1 December – 28 February, stored from 00:00 of the first day to 00:00 after the last (UTC+8).
    const period = { startsAt: '2026-11-30T16:00:00.000Z', endsAt: '2027-02-28T16:00:00.000Z' }
    expect(slotWhen(period, 480, 'units')).toBe('2026年12月1日至2027年2月28日')
    expect(slotWhen({ startsAt: '2027-02-28T16:00:00.000Z', endsAt: '2027-08-31T16:00:00.000Z' }, 480, 'units')).toBe('2027年3月1日至8月31日')
    expect(placesText({ closed: false, closedReason: null, placesLeft: 3, capacity: 12, waitingCount: 0, open: true }, 'units')).toBe('剩余3块（共12块）')
    expect(placesText({ closed: false, closedReason: null, placesLeft: 0, capacity: 12, waitingCount: 2, open: true }, 'units')).toBe('已认领完，2人候补')
    expect(modeWords('units')).toEqual({ book: '认领', slot: '认领期', unit: '块' })
    loginAs([{ role: 'resident' }])
    router.params = { id: '3' }
    const season = slot({ startsAt: '2026-12-31T16:00:00.000Z', endsAt: '2027-03-31T16:00:00.000Z', date: '2027-01-01', capacity: 12, placesLeft: 3 })
    const api = fakeApi({
      'GET /api/services/3': serviceItem({ mode: 'units', name: '开心菜园地块', family: 'venue', documents: [], advanceDays: 30, perPersonLimit: 1, perHouseholdLimit: 1 }),
      'GET /api/services/3/slots': [season],
      'POST /api/bookings': booking({ service: { ...booking().service, mode: 'units' } }),
    })
    render(<ServicePage />)
    expect(await screen.findByText('选择认领期')).toBeTruthy()
    expect(await screen.findByText('2027年1月1日至3月31日')).toBeTruthy()
    expect(screen.getByText('剩余3块（共12块）')).toBeTruthy()
    expect(screen.getByText(/认领期开始前30天开放认领.*每人最多1块、每户最多1块/)).toBeTruthy()
    expect(screen.queryByText('今天')).toBeNull() // no date strip
    fireEvent.click(screen.getByText('认领', { selector: '.slot__book, .slot__book *' }))
    const dialog = await screen.findByRole('dialog')
    expect(dialog.textContent).toContain('认领期 2027年1月1日至3月31日')
    expect(dialog.textContent).toContain('每次认领一块。')
    fireEvent.click(within(dialog).getByRole('button', { name: '确认认领' }))
    expect((await screen.findByTestId('booked')).textContent).toContain('认领成功：2027年1月1日至3月31日')
    expect(posts(api, '/api/bookings')[0].data).toEqual({ slotId: 11 })
  })

  it('SLOT_FULL offers the waiting list, and joining sends join=waitlist with a new key', async () => {
    loginAs([{ role: 'resident' }])
    router.params = { id: '3' }
    const api = fakeApi({
      'GET /api/services/3': serviceItem(),
      'GET /api/services/3/slots': [slot()],
      'POST /api/bookings': (call: { data: { join?: string } }) =>
        call.data.join === 'waitlist' ? booking({ status: 'waiting', waitingPosition: 1, checkInCode: null }) : { statusCode: 409, code: 'SLOT_FULL', message: '该时段已约满，可以加入候补', requestId: 'r' },
    })
    render(<ServicePage />)
    fireEvent.click(await screen.findByText('预约'))
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '确认预约' }))
    expect(await screen.findByText('这个时段已约满')).toBeTruthy()
    fireEvent.click(screen.getByText('加入候补'))
    expect((await screen.findByTestId('booked')).textContent).toContain('已加入候补，排第1位')
    const sent = posts(api, '/api/bookings')
    expect(sent.map((c) => c.data)).toEqual([{ slotId: 11 }, { slotId: 11, join: 'waitlist' }])
    expect(sent[1].header['Idempotency-Key']).not.toBe(sent[0].header['Idempotency-Key'])
  })

  it('another refusal is shown on the page in the API\'s words', async () => {
    loginAs([{ role: 'resident' }])
    router.params = { id: '3' }
    fakeApi({
      'GET /api/services/3': serviceItem(),
      'GET /api/services/3/slots': [slot()],
      'POST /api/bookings': { statusCode: 422, code: 'NO_SHOW_BLOCKED', message: '30天内3次未到场，12月16日前不能预约政务类服务', requestId: 'r' },
    })
    render(<ServicePage />)
    fireEvent.click(await screen.findByText('预约'))
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '确认预约' }))
    expect((await screen.findByTestId('refusal')).textContent).toBe('30天内3次未到场，12月16日前不能预约政务类服务')
  })

  it('请网格员帮我预约 asks once with the item', async () => {
    loginAs([{ role: 'resident' }])
    router.params = { id: '3' }
    const api = fakeApi({
      'GET /api/services/3': serviceItem(),
      'GET /api/services/3/slots': [],
      'POST /api/booking-help': { id: 4, status: 'open', service: { id: 3, name: '老年证办理' }, note: null, createdAt: new Date().toISOString(), handledAt: null, handledBy: null, bookingId: null },
    })
    render(<ServicePage />)
    fireEvent.click(await screen.findByText('请网格员帮我预约'))
    expect(await screen.findByTestId('help-asked')).toBeTruthy()
    expect(posts(api, '/api/booking-help').map((c) => c.data)).toEqual([{ serviceId: 3 }])
  })
})

describe('我的预约 and a booking', () => {
  it('lists upcoming bookings, then past ones', async () => {
    loginAs([{ role: 'resident' }])
    const api = fakeApi({
      'GET /api/bookings': { items: [booking({ status: 'offered', offerExpiresAt: '2026-12-03T00:30:00Z', allowedActions: ['confirm', 'cancel'] })], total: 1, page: 1, pageSize: 20 },
      'GET /api/booking-help': { requests: [], specialCare: [] },
      'GET /api/me/volunteer-hours': { balanceMinutes: 90, entries: [{ id: 1, minutes: 90, kind: 'earned', reason: '书法班志愿服务 11月23日', bookingId: 9, confirmedBy: { id: 8, name: '李老师' }, at: '2026-11-23T06:00:00Z' }] },
    })
    render(<MyBookingsPage />)
    expect(await screen.findByText('候补到位！请在12月3日 08:30前确认，逾时名额顺延给下一位')).toBeTruthy()
    expect(gets(api, '/api/bookings')[0].url).toBe('/api/bookings?scope=mine&when=upcoming&page=1&pageSize=20')
    expect(await screen.findByText('1小时30分钟')).toBeTruthy()
    fireEvent.click(screen.getByText('已结束'))
    await waitFor(() => expect(gets(api, '/api/bookings').at(-1)!.url).toBe('/api/bookings?scope=mine&when=past&page=1&pageSize=20'))
  })

  it('shows the check-in code large with its QR code, and cancels after the confirmation', async () => {
    loginAs([{ role: 'resident' }])
    router.params = { id: '21' }
    const api = fakeApi({
      'GET /api/bookings/21': booking(),
      'POST /api/bookings/21/cancel': booking({ status: 'cancelled', checkInCode: null, allowedActions: [] }),
    })
    const { container } = render(<BookingPage />)
    expect((await screen.findByTestId('check-in-code')).textContent).toBe('482 913')
    expect(container.querySelector('img.check-in__qr')!.getAttribute('src')).toBe(qrDataUrl('482913'))
    expect(screen.getByText('12月3日 07:00前可以取消')).toBeTruthy()
    fireEvent.click(screen.getByText('取消预约'))
    fireEvent.click(within(await screen.findByRole('dialog')).getByText('确定取消'))
    expect(await screen.findByText('已取消。')).toBeTruthy()
    expect(posts(api, '/api/bookings/21/cancel')).toHaveLength(1)
    expect(screen.queryByTestId('check-in-code')).toBeNull()
  })

  it('confirms an offered place, and rates an attended one with the three levels', async () => {
    loginAs([{ role: 'resident' }])
    router.params = { id: '21' }
    const api = fakeApi({
      'GET /api/bookings/21': booking({ status: 'offered', checkInCode: null, offerExpiresAt: '2026-12-03T00:30:00Z', allowedActions: ['confirm', 'cancel'] }),
      'POST /api/bookings/21/confirm': booking({ status: 'attended', checkInCode: null, checkedInAt: '2026-12-03T01:05:00Z', allowedActions: ['rate'] }),
      'POST /api/bookings/21/rate': booking({ status: 'attended', checkInCode: null, rating: 'basically_satisfied', allowedActions: [] }),
    })
    render(<BookingPage />)
    fireEvent.click(await screen.findByText('确认候补名额'))
    // the answer here is already attended, to go on to the rating in one test
    await screen.findByText('请为这次服务评价')
    fireEvent.click(screen.getByText('基本满意'))
    fireEvent.click(screen.getByText('提交评价'))
    expect(await screen.findByText('感谢您的评价：基本满意')).toBeTruthy()
    expect(posts(api, '/api/bookings/21/confirm')).toHaveLength(1)
    expect(posts(api, '/api/bookings/21/rate').map((c) => c.data)).toEqual([{ rating: 'basically_satisfied' }])
  })
})

describe('签到名单 (provider/roster)', () => {
  const roster = (status: 'booked' | 'attended') => ({
    slot: slot({ placesLeft: 0 }),
    service: { id: 3, name: '老年证办理', place: '社区服务大厅2号窗口' },
    entries: [{ bookingId: 21, status, role: 'participant', name: '王秀英', phone: '138****8000', bookedBy: null, waitingPosition: null, checkedInAt: null, allowedActions: status === 'booked' ? ['check_in'] : [] }],
    counts: { booked: status === 'booked' ? 1 : 0, attended: status === 'attended' ? 1 : 0, noShow: 0, waiting: 0, offered: 0, cancelled: 0 },
  })

  it('checks in by the typed code (H5 has no scanCode), and a wrong code is explained', async () => {
    loginAs([{ role: 'partner' }], 8, '李老师')
    router.params = { slotId: '11' }
    let checkedIn = false
    const api = fakeApi({
      'GET /api/slots/11/roster': () => roster(checkedIn ? 'attended' : 'booked'),
      'POST /api/bookings/check-in': (call: { data: { code: string } }) => {
        if (call.data.code !== '482913') return { statusCode: 422, code: 'CHECK_IN_CODE_UNKNOWN', message: '这个时段没有这个签到码，请核对后再输入', requestId: 'r' }
        checkedIn = true
        return booking({ status: 'attended' })
      },
    })
    render(<RosterPage />)
    expect(screen.queryByText('扫码签到')).toBeNull()
    const input = await screen.findByPlaceholderText('输入6位签到码')
    fireEvent.change(input, { target: { value: '123' } })
    fireEvent.click(screen.getByText('签到', { selector: '.roster__code-submit' }))
    expect((await screen.findByTestId('check-in-result')).textContent).toBe('签到码是6位数字，请核对后再输入')
    fireEvent.change(input, { target: { value: '111111' } })
    fireEvent.click(screen.getByText('签到', { selector: '.roster__code-submit' }))
    await waitFor(() => expect(screen.getByTestId('check-in-result').textContent).toBe('这个时段没有这个签到码，请核对后再输入'))
    fireEvent.change(input, { target: { value: '482 913' } })
    fireEvent.click(screen.getByText('签到', { selector: '.roster__code-submit' }))
    await waitFor(() => expect(screen.getByTestId('check-in-result').textContent).toBe('王秀英 签到成功'))
    expect(posts(api, '/api/bookings/check-in').map((c) => c.data)).toEqual([
      { slotId: 11, code: '111111' },
      { slotId: 11, code: '482913' },
    ])
    await waitFor(() => expect(screen.getByTestId('roster-counts').textContent).toContain('已签到 1'))
  })
})

describe('代办预约 (worker/book-for)', () => {
  it('books for the resident who asked, and closes their request with the booking', async () => {
    loginAs([{ role: 'grid_worker' }], 5, '赵敏')
    const api = fakeApi({
      'GET /api/booking-help': {
        requests: [{ id: 4, status: 'open', service: { id: 3, name: '老年证办理' }, note: '腿脚不便', createdAt: '2026-12-01T02:00:00Z', handledAt: null, handledBy: null, bookingId: null, resident: { id: 30, name: '陈桂兰', phone: '139****0001', household: '1栋101', gridId: 1 } }],
        specialCare: [{ personId: 31, name: '刘德明', phone: null, householdId: 2, household: '2栋302', gridId: 1, birthYear: 1940, specialCare: ['living_alone_elderly'] }],
      },
      'GET /api/services': [serviceItem()],
      'GET /api/services/3/slots': [slot()],
      'POST /api/bookings': booking({ id: 40, holder: { id: 30, name: '陈桂兰', phone: '139****0001' }, bookedBy: { id: 5, name: '赵敏' } }),
      'POST /api/booking-help/4/done': { id: 4, status: 'done' },
      'GET /api/bookings': { items: [booking({ id: 39, holder: { id: 31, name: '刘德明', phone: null }, bookedBy: { id: 5, name: '赵敏' } })], total: 1, page: 1, pageSize: 20 },
    })
    const { container } = render(<BookForPage />)
    expect(await screen.findByText('刘德明')).toBeTruthy()
    // what he booked for others is listed under the lists, with whom it is for
    expect(await screen.findByText('预约人：刘德明')).toBeTruthy()
    expect(gets(api, '/api/bookings')[0].url).toBe('/api/bookings?scope=booked_for_others&when=upcoming&page=1&pageSize=20')
    fireEvent.click(container.querySelector('[data-help="4"] .book-for__pick')!)
    expect(await screen.findByText('为陈桂兰预约')).toBeTruthy()
    fireEvent.click(await screen.findByText('代约', { selector: '.book-for__book' }))
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '确认代约' }))
    const done = (await screen.findByTestId('book-for-done')).textContent
    expect(done).toContain('已为陈桂兰预约：老年证办理')
    // the booker holds the code too, to hand to a resident who has no phone to show it on
    expect(done).toContain('签到码 482913')
    const sent = posts(api, '/api/bookings')
    expect(sent.map((c) => c.data)).toEqual([{ slotId: 11, forUserId: 30 }])
    expect(sent[0].header['Idempotency-Key']).toBeTruthy()
    expect(posts(api, '/api/booking-help/4/done').map((c) => c.data)).toEqual([{ bookingId: 40 }])
  })
})

describe('服务预约管理 (provider/slots)', () => {
  it('lists only the items the caller manages, and a day\'s slots with their counts', async () => {
    loginAs([{ role: 'partner' }], 17, '罗老师')
    const api = fakeApi({
      'GET /api/services': [serviceItem({ id: 3, name: '老年证办理' }), serviceItem({ id: 4, name: '书法班', canManage: true })],
      'GET /api/services/4/slots': [slot({ serviceId: 4, capacity: 20, placesLeft: 3, waitingCount: 2 })],
    })
    render(<ProviderSlotsPage />)
    expect(await screen.findByText('已约17/20，候补2人')).toBeTruthy()
    expect(screen.getByText('书法班')).toBeTruthy()
    expect(screen.queryByText('老年证办理')).toBeNull()
    // the catalogue's canManage says it: no request per item
    expect(api.mock.calls.filter(([c]) => /\/api\/services\/\d+$/.test(c.url.split('?')[0]))).toEqual([])
  })

  it('exports the chosen day\'s roster of the item (every slot of it) as Excel or CSV', async () => {
    loginAs([{ role: 'partner' }], 17, '罗老师')
    fakeApi({
      'GET /api/services': [serviceItem({ id: 4, name: '书法班', canManage: true })],
      'GET /api/services/4/slots': [slot({ serviceId: 4 })],
    })
    vi.mocked(Taro.downloadFile).mockResolvedValue({ statusCode: 200, tempFilePath: 'wxfile://tmp/day.csv', errMsg: 'downloadFile:ok' } as never)
    render(<ProviderSlotsPage />)
    fireEvent.click(await screen.findByText('导出当天名单（CSV）'))
    await waitFor(() => expect(Taro.downloadFile).toHaveBeenCalledTimes(1))
    expect(vi.mocked(Taro.downloadFile).mock.calls[0][0]).toMatchObject({ url: `/api/exports/day-roster.csv?serviceId=4&date=${TODAY}` })
    fireEvent.click(screen.getByText('导出当天名单（Excel）'))
    await waitFor(() => expect(Taro.downloadFile).toHaveBeenCalledTimes(2))
    expect(vi.mocked(Taro.downloadFile).mock.calls[1][0]).toMatchObject({ url: `/api/exports/day-roster.xlsx?serviceId=4&date=${TODAY}` })
  })

  it('offers no day export on a day without slots', async () => {
    loginAs([{ role: 'partner' }], 17, '罗老师')
    fakeApi({ 'GET /api/services': [serviceItem({ id: 4, name: '书法班', canManage: true })], 'GET /api/services/4/slots': [] })
    render(<ProviderSlotsPage />)
    expect(await screen.findByText('这一天没有时段')).toBeTruthy()
    expect(screen.queryByText('导出当天名单（CSV）')).toBeNull()
  })
})

describe('代办预约: anyone of the grid from the ledger', () => {
  it('finds a household by door number, opens it and books for a member who never used the app', async () => {
    loginAs([{ role: 'grid_worker' }], 5, '赵敏')
    const api = fakeApi({
      'GET /api/booking-help': { requests: [], specialCare: [] },
      'GET /api/bookings': { items: [], total: 0, page: 1, pageSize: 20 },
      'GET /api/ledger/households': { items: [{ id: 2, buildingId: 1, building: '青和居1栋', label: '1单元201', areaHundredths: null, members: 1, owners: 1 }], total: 1, page: 1, pageSize: 10 },
      'GET /api/ledger/households/2': { id: 2, communityId: 1, buildingId: 1, building: '青和居1栋', unit: '1', door: '201', label: '1单元201', areaHundredths: null, gridId: 1, version: 1, members: [{ memberId: 7, personId: 32, name: '赵德海', phone: '139****1002', relation: 'owner', birthYear: 1941, specialCare: ['living_alone_elderly'], claimed: false, version: 1 }] },
      'GET /api/services': [serviceItem()],
      'GET /api/services/3/slots': [slot()],
      'POST /api/bookings': booking({ id: 41, holder: { id: 32, name: '赵德海', phone: '139****1002' }, bookedBy: { id: 5, name: '赵敏' } }),
    })
    render(<BookForPage />)
    fireEvent.change(await screen.findByPlaceholderText('门牌号或姓名'), { target: { value: '201' } })
    fireEvent.click(await screen.findByText('青和居1栋1单元201（1人）'))
    expect(await screen.findByText('139****1002 · 未用过小程序')).toBeTruthy()
    fireEvent.click(screen.getByText('代约'))
    expect(await screen.findByText('为赵德海预约')).toBeTruthy()
    fireEvent.click(await screen.findByText('代约', { selector: '.book-for__book' }))
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '确认代约' }))
    await screen.findByTestId('book-for-done')
    expect(gets(api, '/api/ledger/households')[0].url).toBe('/api/ledger/households?communityId=1&q=201&page=1&pageSize=10')
    expect(posts(api, '/api/bookings').map((c) => c.data)).toEqual([{ slotId: 11, forUserId: 32 }])
  })
})

describe('我的: 志愿时长', () => {
  it('shows the balance once there are entries, and opens 我的预约 where the history is', async () => {
    loginAs([{ role: 'resident' }])
    fakeApi({
      'GET /api/me': { id: 1, name: '王秀英', phone: null, roles: [{ role: 'resident', placeLevel: 'community', placeId: 1, placeName: '青和居社区', communityId: 1 }], community: null, building: null, grid: null, household: null, gridWorkers: [] },
      'GET /api/notifications': { items: [], total: 0, page: 1, pageSize: 1, unread: 0 },
      'GET /api/me/export': { bindings: [] },
      'GET /api/me/volunteer-hours': { balanceMinutes: 150, entries: [{ id: 1, minutes: 150, kind: 'earned', reason: '书法班志愿服务 11月23日', bookingId: 9, confirmedBy: null, at: '2026-11-23T06:00:00Z' }] },
    })
    render(<MinePage />)
    fireEvent.click(await screen.findByText('2小时30分钟 ›'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/bookings/index' })
  })
})
