/** The provider's and committee's management pages: an item, its weekly schedule, closures and slot changes. */
import { describe, expect, it } from 'vitest'
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { router } from './mocks/taro'
import { fakeApi, loginAs } from './fakeApi'
import { TODAY, serviceItem, slot } from './bookingFixtures'
import ServiceEditPage, { formOf, serviceBody } from '../src/provider/service/index'
import SchedulePage, { bookingsOn, periodTimes, weeklyRules } from '../src/provider/schedule/index'
import { localInstant } from '../src/utils/booking'
import { addLocalDays } from '@linli/shared'

const sent = (api: ReturnType<typeof fakeApi>, method: string, path: string) =>
  api.mock.calls.map((c) => c[0]).filter((c) => c.method === method && c.url.split('?')[0] === path)

describe('新建/编辑服务 (provider/service)', () => {
  it('checks the form against the server\'s bounds before sending, in words saying what to type', () => {
    const base = { ...formOf(null), name: '法律咨询', place: '社区调解室' }
    expect(serviceBody({ ...base, name: '法' }, 1, null)).toEqual({ problem: '服务名称请写2到64个字' })
    expect(serviceBody({ ...base, advanceDays: '61' }, 1, null)).toEqual({ problem: '提前开放天数请填0到60的整数' })
    expect(serviceBody({ ...base, perHouseholdLimit: '0' }, 1, null)).toEqual({ problem: '每户限约请填1到50的整数' })
    expect(serviceBody({ ...base, cancelCutoffMinutes: '1.5' }, 1, null)).toEqual({ problem: '取消截止请填0到2880的整数（分钟）' })
    const ok = serviceBody({ ...base, documents: ' 身份证原件 \n\n户口簿', duration: '  ' }, 1, 9)
    expect(ok).toEqual({
      body: {
        communityId: 1, organisationId: 9, family: 'government', mode: 'slots', name: '法律咨询', place: '社区调解室', description: '',
        documents: ['身份证原件', '户口簿'], duration: null, eligibility: ['residents'],
        advanceDays: 7, cancelCutoffMinutes: 60, perPersonLimit: 1, perHouseholdLimit: 2, volunteerPlaces: 0, volunteerMinutes: 0,
      },
    })
  })

  it('a committee member creates an item of the community office, choosing who may book; then goes on to its schedule', async () => {
    loginAs([{ role: 'committee_member' }], 2, '何志刚')
    router.params = {}
    const api = fakeApi({
      'GET /api/services': [],
      'POST /api/services': serviceItem({ id: 12, name: '长者理发', canManage: true }),
    })
    const { container } = render(<ServiceEditPage />)
    fireEvent.click(await screen.findByText('关爱'))
    fireEvent.change(screen.getByPlaceholderText('如 老年人优待证办理'), { target: { value: '长者理发' } })
    fireEvent.change(screen.getByPlaceholderText('如 社区服务大厅2号窗口'), { target: { value: '社区活动室' } })
    fireEvent.click(screen.getByText('60周岁及以上'))
    fireEvent.change(container.querySelector('input.provider-form__perPersonLimit')!, { target: { value: '2' } })
    fireEvent.click(screen.getByText('新建', { selector: '.provider-form__save, .provider-form__save *' }))
    await waitFor(() => expect(sent(api, 'POST', '/api/services')).toHaveLength(1))
    expect(sent(api, 'POST', '/api/services')[0].data).toMatchObject({
      communityId: 1, organisationId: null, family: 'care', name: '长者理发', place: '社区活动室', eligibility: ['residents', 'age_60_plus'], perPersonLimit: 2,
    })
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/provider/schedule/index?serviceId=12' }))
  })

  it('editing keeps the item\'s provider, and a refusal is shown in the server\'s own words', async () => {
    loginAs([{ role: 'partner' }], 17, '罗老师')
    router.params = { id: '4' }
    const item = serviceItem({ id: 4, name: '书法班', family: 'culture', canManage: true, provider: { kind: 'organisation', organisationId: 6, name: '社区服务中心' } })
    const api = fakeApi({
      'GET /api/services': [item],
      'GET /api/services/4': item,
      'PUT /api/services/4': { statusCode: 403, code: 'FORBIDDEN', message: '只有本社区居委会或该服务单位的工作人员可以管理服务项目，如需开设请联系社区居委会', requestId: 'r' },
    })
    const { container } = render(<ServiceEditPage />)
    const name = (await screen.findByDisplayValue('书法班')) as HTMLInputElement
    fireEvent.change(name, { target: { value: '书法班（周末）' } })
    fireEvent.click(screen.getByText('保存', { selector: '.provider-form__save, .provider-form__save *' }))
    await waitFor(() => expect(container.querySelector('.provider-form__error')?.textContent).toBe('只有本社区居委会或该服务单位的工作人员可以管理服务项目，如需开设请联系社区居委会'))
    expect(sent(api, 'PUT', '/api/services/4')[0].data).toMatchObject({ communityId: 1, organisationId: 6, name: '书法班（周末）', family: 'culture' })
  })
})

describe('新建/编辑服务: 志愿时长兑换 (the committee sets the rate)', () => {
  it('the committee chooses whether hours are accepted and at how many minutes; a bad price is caught before sending', () => {
    const base = { ...formOf(null), name: '长者理发', place: '社区活动室' }
    expect(formOf(serviceItem({ hoursPrice: 90 }))).toMatchObject({ acceptsHours: true, hoursPrice: '90' })
    expect(formOf(null)).toMatchObject({ acceptsHours: false })
    expect(serviceBody({ ...base, acceptsHours: true, hoursPrice: '0' }, 1, null, true)).toEqual({ problem: '兑换所需志愿时长请填1到6000的整数（分钟）' })
    expect(serviceBody({ ...base, acceptsHours: true, hoursPrice: '45' }, 1, null, true)).toMatchObject({ body: { hoursPrice: 45 } })
    expect(serviceBody({ ...base, acceptsHours: false, hoursPrice: '45' }, 1, null, true)).toMatchObject({ body: { hoursPrice: null } })
    // a provider's body leaves the rate out: the server keeps the committee's
    const made = serviceBody({ ...base, acceptsHours: true, hoursPrice: '45' }, 1, 6, false)
    expect('body' in made && 'hoursPrice' in made.body).toBe(false)
  })

  it('a committee member turns hours on for an item and saves the price', async () => {
    loginAs([{ role: 'committee_member' }], 2, '何志刚')
    router.params = { id: '4' }
    const item = serviceItem({ id: 4, name: '长者理发', family: 'care', canManage: true })
    const api = fakeApi({ 'GET /api/services': [item], 'GET /api/services/4': item, 'PUT /api/services/4': serviceItem({ ...item, hoursPrice: 30 }) })
    const { container } = render(<ServiceEditPage />)
    await screen.findByDisplayValue('长者理发')
    fireEvent.click(screen.getByText('接受兑换'))
    fireEvent.change(container.querySelector('input.provider-form__hoursPrice')!, { target: { value: '30' } })
    fireEvent.click(screen.getByText('保存', { selector: '.provider-form__save, .provider-form__save *' }))
    await waitFor(() => expect(sent(api, 'PUT', '/api/services/4')).toHaveLength(1))
    expect(sent(api, 'PUT', '/api/services/4')[0].data).toMatchObject({ name: '长者理发', hoursPrice: 30 })
  })

  it('a provider reads the rate the committee set and does not send it', async () => {
    loginAs([{ role: 'partner' }], 17, '罗老师')
    router.params = { id: '4' }
    const item = serviceItem({ id: 4, name: '书法班', family: 'culture', canManage: true, hoursPrice: 60, provider: { kind: 'organisation', organisationId: 6, name: '社区服务中心' } })
    const api = fakeApi({ 'GET /api/services': [item], 'GET /api/services/4': item, 'PUT /api/services/4': item })
    render(<ServiceEditPage />)
    expect((await screen.findByTestId('hours-rule')).textContent).toBe('接受兑换，每次60分钟志愿时长；由社区居委会设定')
    expect(screen.queryByText('接受兑换')).toBeNull()
    fireEvent.click(screen.getByText('保存', { selector: '.provider-form__save, .provider-form__save *' }))
    await waitFor(() => expect(sent(api, 'PUT', '/api/services/4')).toHaveLength(1))
    expect('hoursPrice' in sent(api, 'PUT', '/api/services/4')[0].data).toBe(false)
  })
})

describe('units (按期认领): garden plots', () => {
  it('the form makes a units item, and an edit shows the mode without changing it', async () => {
    loginAs([{ role: 'committee_member' }], 2, '何志刚')
    router.params = {}
    const api = fakeApi({ 'GET /api/services': [], 'POST /api/services': serviceItem({ id: 12, mode: 'units', canManage: true }) })
    render(<ServiceEditPage />)
    fireEvent.click(await screen.findByText('按期认领（如菜园地块）'))
    fireEvent.click(screen.getByText('场地'))
    fireEvent.change(screen.getByPlaceholderText('如 老年人优待证办理'), { target: { value: '开心菜园地块' } })
    fireEvent.change(screen.getByPlaceholderText('如 社区服务大厅2号窗口'), { target: { value: '社区北侧菜园' } })
    fireEvent.click(screen.getByText('新建', { selector: '.provider-form__save, .provider-form__save *' }))
    await waitFor(() => expect(sent(api, 'POST', '/api/services')).toHaveLength(1))
    expect(sent(api, 'POST', '/api/services')[0].data).toMatchObject({ family: 'venue', mode: 'units', name: '开心菜园地块' })
  })

  it('a period from its first and last local day: 00:00 of the first to 00:00 after the last', () => {
    expect(periodTimes('2027-03-01', '2027-08-31', '2026-12-02')).toEqual({ startsAt: '2027-02-28T16:00:00.000Z', endsAt: '2027-08-31T16:00:00.000Z' })
    expect(periodTimes('2027-03-01', '2027-02-28', '2026-12-02')).toEqual({ problem: '最后一天不能早于开始日期，请改一下最后一天' })
    expect(periodTimes('2026-12-02', '2027-02-28', '2026-12-02')).toEqual({ problem: '认领期要从明天或以后开始，请改一下开始日期' })
    expect(periodTimes('3月1日', '2027-02-28', '2026-12-02')).toEqual({ problem: '日期请写成 2027-03-01 这样' })
    expect(periodTimes('2027-01-01', '2028-01-01', '2026-12-02')).toMatchObject({ endsAt: '2028-01-01T16:00:00.000Z' }) // 366 days: the longest
    expect(periodTimes('2027-01-01', '2028-01-02', '2026-12-02')).toEqual({ problem: '一个认领期最长366天，请把最后一天提前' })
  })

  it('排班与时段 of a units item lists its periods and adds one by its days and plots', async () => {
    loginAs([{ role: 'committee_member' }], 2, '何志刚')
    router.params = { serviceId: '4' }
    const item = serviceItem({ id: 4, name: '开心菜园地块', mode: 'units', canManage: true })
    const season = slot({ id: 21, serviceId: 4, startsAt: '2026-12-31T16:00:00.000Z', endsAt: '2027-03-31T16:00:00.000Z', date: '2027-01-01', capacity: 12, placesLeft: 3 })
    const api = fakeApi({
      'GET /api/services/4': item,
      'GET /api/services/4/schedule': { serviceId: 4, weekly: [], closures: [], generatedUntil: null },
      'GET /api/services/4/slots': [season],
      'POST /api/services/4/slots': (call: { data: { startsAt: string; endsAt: string; capacity: number } }) => slot({ id: 22, serviceId: 4, ...call.data }),
    })
    const { container } = render(<SchedulePage />)
    expect(await screen.findByText('2027年1月1日至3月31日')).toBeTruthy()
    expect(screen.getByText('已约9/12')).toBeTruthy()
    expect(screen.queryByText('每周排班')).toBeNull()
    expect(screen.getByText('调整块数')).toBeTruthy()
    expect(screen.queryByText('调整时间')).toBeNull()
    fireEvent.change(container.querySelector('input.new-period__first')!, { target: { value: '2027-04-01' } })
    fireEvent.change(container.querySelector('input.new-period__last')!, { target: { value: '2027-09-30' } })
    fireEvent.change(container.querySelector('input.new-period__capacity')!, { target: { value: '12' } })
    fireEvent.click(screen.getByText('添加认领期', { selector: '.new-period__add, .new-period__add *' }))
    await waitFor(() => expect(sent(api, 'POST', '/api/services/4/slots')).toHaveLength(1))
    expect(sent(api, 'POST', '/api/services/4/slots')[0].data).toEqual({ startsAt: '2027-03-31T16:00:00.000Z', endsAt: '2027-09-30T16:00:00.000Z', capacity: 12 })
    expect((await screen.findByTestId('schedule-message')).textContent).toBe('已添加认领期 2027年4月1日至9月30日，共12块')
  })
})

describe('停用 (provider/service)', () => {
  it('switches an item off after a confirmation that bookings made stay, and on again', async () => {
    loginAs([{ role: 'committee_member' }], 2, '何志刚')
    router.params = { id: '4' }
    let active = true
    const item = () => serviceItem({ id: 4, name: '书法班', canManage: true, active })
    const api = fakeApi({
      'GET /api/services': () => [item()],
      'GET /api/services/4': () => item(),
      'PUT /api/services/4/active': (call: { data: { active: boolean } }) => {
        active = call.data.active
        return item()
      },
    })
    render(<ServiceEditPage />)
    fireEvent.click(await screen.findByText('停用服务', { selector: '.provider-form__toggle-active, .provider-form__toggle-active *' }))
    const dialog = await screen.findByRole('dialog')
    expect(dialog.textContent).toContain('停用「书法班」：居民在目录中看不到它，也不能新预约；已有的预约不受影响。')
    fireEvent.click(within(dialog).getByRole('button', { name: '确认停用' }))
    expect((await screen.findByTestId('active-message')).textContent).toBe('已停用：居民看不到它，也不能新预约；已有的预约不受影响')
    expect(sent(api, 'PUT', '/api/services/4/active')[0].data).toEqual({ active: false })
    fireEvent.click(await screen.findByText('重新启用', { selector: '.provider-form__toggle-active, .provider-form__toggle-active *' }))
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '确认启用' }))
    await waitFor(() => expect(sent(api, 'PUT', '/api/services/4/active')).toHaveLength(2))
    expect(sent(api, 'PUT', '/api/services/4/active')[1].data).toEqual({ active: true })
    expect((await screen.findByTestId('active-message')).textContent).toBe('已重新启用：居民可以在目录中看到并预约')
  })

  it('a new item has no switch', async () => {
    loginAs([{ role: 'committee_member' }], 2, '何志刚')
    router.params = {}
    fakeApi({ 'GET /api/services': [] })
    render(<ServiceEditPage />)
    await screen.findByText('新建服务项目')
    expect(screen.queryByTestId('service-active')).toBeNull()
  })
})

describe('排班与时段 (provider/schedule)', () => {
  const schedule = { serviceId: 4, weekly: [{ weekday: 2, start: '09:30', end: '11:00', capacity: 10 }], closures: [], generatedUntil: '2026-12-09' }
  const item = serviceItem({ id: 4, name: '书法班', canManage: true })
  // 4 of 5 places taken, one waiting: closing it cancels 5 bookings
  const full = slot({ id: 11, serviceId: 4, capacity: 5, placesLeft: 1, waitingCount: 1 })

  it('reads the weekly rows, what closing cancels, and local times as the stored instants', () => {
    expect(weeklyRules([{ weekday: 1, start: '09:00', end: '10:30', capacity: '8' }])).toEqual({ weekly: [{ weekday: 1, start: '09:00', end: '10:30', capacity: 8 }] })
    expect(weeklyRules([{ weekday: 1, start: '09:00', end: '10:30', capacity: '8' }, { weekday: 3, start: '14:00', end: '13:00', capacity: '8' }])).toEqual({ problem: '第2行：结束时间要晚于开始时间，请改一下结束时间' })
    expect(weeklyRules([{ weekday: 1, start: '9点', end: '10:30', capacity: '8' }])).toEqual({ problem: '第1行：时间请写成 09:00 这样' })
    expect(weeklyRules([{ weekday: 1, start: '09:00', end: '10:30', capacity: '501' }])).toEqual({ problem: '第1行：名额请填1到500的整数' })
    expect(bookingsOn([full, slot({ capacity: 3, placesLeft: 3, volunteerCapacity: 2, volunteerPlacesLeft: 1 }), slot({ closed: true, capacity: 9, placesLeft: 0 })])).toBe(6)
    // 09:00 in Asia/Shanghai (UTC+8) is 01:00 UTC the same day; 07:00 local is the evening before in UTC
    expect(localInstant('2026-12-03', '09:00', 480)).toBe('2026-12-03T01:00:00.000Z')
    expect(localInstant('2026-12-03', '07:00', 480)).toBe('2026-12-02T23:00:00.000Z')
  })

  it('saves the weekly schedule with a row added', async () => {
    loginAs([{ role: 'partner' }], 17, '罗老师')
    router.params = { serviceId: '4' }
    const api = fakeApi({
      'GET /api/services/4': item,
      'GET /api/services/4/schedule': schedule,
      'GET /api/services/4/slots': [],
      'PUT /api/services/4/schedule': (call: { data: { weekly: unknown[] } }) => ({ ...schedule, weekly: call.data.weekly }),
    })
    const { container } = render(<SchedulePage />)
    expect(await screen.findByDisplayValue('09:30')).toBeTruthy()
    fireEvent.click(screen.getByText('添加一行'))
    const row = container.querySelector('[data-row="1"]')!
    fireEvent.click(within(row as HTMLElement).getByText('周四'))
    fireEvent.change(row.querySelector('input.schedule__start')!, { target: { value: '14:00' } })
    fireEvent.change(row.querySelector('input.schedule__end')!, { target: { value: '15:30' } })
    fireEvent.click(screen.getByText('保存排班'))
    await waitFor(() => expect(screen.getByTestId('schedule-message').textContent).toBe('排班已保存，已排到2026-12-09（已有的时段不变）'))
    expect(sent(api, 'PUT', '/api/services/4/schedule')[0].data).toEqual({
      weekly: [
        { weekday: 2, start: '09:30', end: '11:00', capacity: 10 },
        { weekday: 4, start: '14:00', end: '15:30', capacity: 10 },
      ],
    })
  })

  it('停止服务 for a day says how many bookings it cancels, asks first, and reports what the server did', async () => {
    loginAs([{ role: 'committee_member' }], 2, '何志刚')
    router.params = { serviceId: '4' }
    let closed = false
    const api = fakeApi({
      'GET /api/services/4': item,
      'GET /api/services/4/schedule': () => ({ ...schedule, closures: closed ? [{ date: TODAY, reason: '电路检修' }] : [] }),
      'GET /api/services/4/slots': () => [closed ? { ...full, closed: true, closedReason: '电路检修' } : full],
      'POST /api/services/4/closures': () => {
        closed = true
        return { closure: { date: TODAY, reason: '电路检修' }, closedSlots: 1, cancelledBookings: 5 }
      },
    })
    const { container } = render(<SchedulePage />)
    expect(await screen.findByText('将关闭这一天的1个时段，取消5个预约（含候补），每位预约人都会收到通知和原因。')).toBeTruthy()
    fireEvent.click(screen.getByText('停止这一天的服务'))
    expect(screen.getByTestId('schedule-message').textContent).toBe('请写明原因（2到200字），每位已预约的人都会收到')
    fireEvent.change(container.querySelector('input.day__reason')!, { target: { value: '电路检修' } })
    fireEvent.click(screen.getByText('停止这一天的服务'))
    const dialog = screen.getByRole('dialog')
    expect(dialog.textContent).toContain('取消5个预约（含候补）。每位预约人都会收到通知和原因。')
    expect(sent(api, 'POST', '/api/services/4/closures')).toEqual([])
    fireEvent.click(within(dialog).getByText('确认停止'))
    await waitFor(() => expect(screen.getByTestId('schedule-message').textContent).toBe(`${TODAY} 已停止服务：关闭1个时段，取消5个预约，已通知每位预约人`))
    expect(sent(api, 'POST', '/api/services/4/closures')[0].data).toEqual({ date: TODAY, reason: '电路检修' })
    expect(await screen.findByText('已停止：电路检修')).toBeTruthy()
  })

  it('调整名额 below the booked count shows the server\'s refusal; 调整时间 says who is told and sends local times', async () => {
    loginAs([{ role: 'partner' }], 17, '罗老师')
    router.params = { serviceId: '4' }
    const api = fakeApi({
      'GET /api/services/4': item,
      'GET /api/services/4/schedule': schedule,
      'GET /api/services/4/slots': [full],
      'PUT /api/slots/11': { statusCode: 409, code: 'SLOT_CAPACITY_BELOW_TAKEN', message: '已有4人预约，名额不能少于4个', requestId: 'r' },
      'POST /api/slots/11/move': (call: { data: { startsAt: string; endsAt: string } }) => ({ ...full, ...call.data, movedAt: new Date().toISOString() }),
    })
    const { container } = render(<SchedulePage />)
    fireEvent.click(await screen.findByText('调整名额'))
    fireEvent.change(container.querySelector('input.slot__capacity-input')!, { target: { value: '3' } })
    fireEvent.click(screen.getByText('保存名额'))
    await waitFor(() => expect(screen.getByTestId('schedule-message').textContent).toBe('已有4人预约，名额不能少于4个'))
    expect(sent(api, 'PUT', '/api/slots/11')[0].data).toEqual({ capacity: 3 })

    fireEvent.click(screen.getByText('调整时间', { selector: '.slot__move, .slot__move *' }))
    fireEvent.change(container.querySelector('input.slot__move-start')!, { target: { value: '22:00' } })
    fireEvent.change(container.querySelector('input.slot__move-end')!, { target: { value: '22:30' } })
    fireEvent.change(container.querySelector('input.slot__reason')!, { target: { value: '老师临时调课' } })
    fireEvent.click(screen.getByText('调整时间', { selector: '.slot__move-save, .slot__move-save *' }))
    const dialog = screen.getByRole('dialog')
    expect(dialog.textContent).toContain('5位预约人都会收到通知，可以保留新时间，也可以取消，不算作爽约或迟取消。')
    fireEvent.click(within(dialog).getByText('确认调整'))
    await waitFor(() => expect(sent(api, 'POST', '/api/slots/11/move')).toHaveLength(1))
    // 22:00 local (UTC+8) of the slot's day is 14:00 UTC
    expect(sent(api, 'POST', '/api/slots/11/move')[0].data).toEqual({ startsAt: `${TODAY}T14:00:00.000Z`, endsAt: `${TODAY}T14:30:00.000Z`, reason: '老师临时调课' })
    await waitFor(() => expect(screen.getByTestId('schedule-message').textContent).toContain('已通知每位预约人'))
  })

  it('调整时间 to another day: the date typed goes with the local times; a past day is caught; the server\'s DAY_CLOSED words are shown', async () => {
    loginAs([{ role: 'partner' }], 17, '罗老师')
    router.params = { serviceId: '4' }
    const tomorrow = addLocalDays(TODAY, 1)
    const api = fakeApi({
      'GET /api/services/4': item,
      'GET /api/services/4/schedule': schedule,
      'GET /api/services/4/slots': [full],
      'POST /api/slots/11/move': { statusCode: 422, code: 'DAY_CLOSED', message: `${tomorrow}已停止服务（活动室粉刷），不能把时段调整到这一天，请选择其他日期`, requestId: 'r' },
    })
    const { container } = render(<SchedulePage />)
    fireEvent.click(await screen.findByText('调整时间', { selector: '.slot__move, .slot__move *' }))
    expect((container.querySelector('input.slot__move-date') as HTMLInputElement).value).toBe(TODAY)
    fireEvent.change(container.querySelector('input.slot__move-date')!, { target: { value: addLocalDays(TODAY, -1) } })
    fireEvent.change(container.querySelector('input.slot__reason')!, { target: { value: '讲师改期' } })
    fireEvent.click(screen.getByText('调整时间', { selector: '.slot__move-save, .slot__move-save *' }))
    expect(screen.getByTestId('schedule-message').textContent).toBe('不能调整到已经过去的日子，请选今天或以后的日期')
    fireEvent.change(container.querySelector('input.slot__move-date')!, { target: { value: tomorrow } })
    fireEvent.change(container.querySelector('input.slot__move-start')!, { target: { value: '09:00' } })
    fireEvent.change(container.querySelector('input.slot__move-end')!, { target: { value: '10:00' } })
    fireEvent.click(screen.getByText('调整时间', { selector: '.slot__move-save, .slot__move-save *' }))
    const dialog = screen.getByRole('dialog')
    expect(dialog.textContent).toContain(`调整到 ${tomorrow} 09:00–10:00。`)
    fireEvent.click(within(dialog).getByText('确认调整'))
    await waitFor(() => expect(sent(api, 'POST', '/api/slots/11/move')).toHaveLength(1))
    // 09:00 local (UTC+8) of the new day is 01:00 UTC that day
    expect(sent(api, 'POST', '/api/slots/11/move')[0].data).toEqual({ startsAt: `${tomorrow}T01:00:00.000Z`, endsAt: `${tomorrow}T02:00:00.000Z`, reason: '讲师改期' })
    await waitFor(() => expect(screen.getByTestId('schedule-message').textContent).toBe(`${tomorrow}已停止服务（活动室粉刷），不能把时段调整到这一天，请选择其他日期`))
  })
})
