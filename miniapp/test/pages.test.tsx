import { describe, expect, it } from 'vitest'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { router } from './mocks/taro'
import { fakeApi, loginAs, ticket } from './fakeApi'
import { serviceEntries } from '../src/pages/index/index'
import ReportPage, { missingForReport } from '../src/pages/report/index'
import TicketPage from '../src/pages/ticket/index'
import WorkerTicketPage from '../src/worker/ticket/index'
import { byDeadline } from '../src/worker/inbox/index'
import CommitteeTicketPage from '../src/committee/ticket/index'
import { trendRows, trendSummary } from '../src/committee/dashboard/TrendChart'
import { notificationPage, ticketPageFor } from '../src/hooks/useNotifications'

describe('首页 service entries', () => {
  it('a resident sees 报事, 我的报事, 预约服务, 我的预约, 公示栏, 消息 and nothing that does not work yet', () => {
    expect(serviceEntries({ resident: true, worker: false, committee: false }).map((e) => e.text)).toEqual(['我要报事', '我的报事', '预约服务', '我的预约', '公示栏', '我的消息'])
  })
  it('a grid worker gets 代办预约; committees and partners 预约管理', () => {
    expect(serviceEntries({ resident: false, worker: true, committee: false, gridWorker: true }).map((e) => e.text)).toEqual(['公示栏', '我的消息', '网格工单', '代办预约'])
    expect(serviceEntries({ resident: false, worker: true, committee: false, provider: true }).map((e) => e.text)).toEqual(['公示栏', '我的消息', '网格工单', '预约管理'])
  })
  it('an owner on the owners\' committee (业委会) gets 业委会议事 beside a resident\'s entries', () => {
    expect(serviceEntries({ resident: true, worker: false, committee: false, owners: true }).map((e) => e.text)).toEqual(['我要报事', '我的报事', '预约服务', '我的预约', '公示栏', '我的消息', '业委会议事'])
  })
  it('grid workers get their inbox with a count, committees their queue and dashboard', () => {
    const entries = serviceEntries({ resident: false, worker: true, committee: true }, 3, 2)
    expect(entries.map((e) => e.text)).toEqual(['公示栏', '我的消息', '网格工单', '社区报事', '数据看板', '议事议程'])
    expect(entries.find((e) => e.key === 'inbox')?.badge).toBe(3)
    expect(entries.find((e) => e.key === 'messages')?.badge).toBe(2)
  })
})

describe('消息', () => {
  it('a notification opens the matter on the page of the reader\'s role', () => {
    const user = (role: string) => ({ id: 1, name: 'x', phone: null, roles: [{ role: role as never, placeLevel: null, placeId: null, placeName: null, communityId: 1 }] })
    expect(ticketPageFor(user('resident'), 7)).toBe('/pages/ticket/index?id=7')
    expect(ticketPageFor(user('grid_worker'), 7)).toBe('/worker/ticket/index?id=7')
    expect(ticketPageFor(user('committee_member'), 7)).toBe('/committee/ticket/index?id=7')
  })
  it('a booking notice opens the booking; a help request the grid worker\'s 代办 list', () => {
    const resident = { id: 1, name: 'x', phone: null, roles: [{ role: 'resident' as never, placeLevel: null, placeId: null, placeName: null, communityId: 1 }] }
    expect(notificationPage(resident, { type: 'booking_offered', ticketId: null, bookingId: 21 })).toBe('/pages/booking/index?id=21')
    expect(notificationPage(resident, { type: 'booking_help_requested', ticketId: null, bookingId: null })).toBe('/worker/book-for/index')
    expect(notificationPage(resident, { type: 'accepted', ticketId: 7, bookingId: null })).toBe('/pages/ticket/index?id=7')
  })
})

describe('报事 form', () => {
  const complete = { categoryId: 1, description: '垃圾桶满了三天', photoCount: 0, buildingId: 1, location: null }
  it('says what is missing, in the words of the form', () => {
    expect(missingForReport({ ...complete, categoryId: null, photoCount: 0 })).toBe('请选择报事类别，或拍张照片由社区分类')
    expect(missingForReport({ ...complete, categoryId: null, photoCount: 1 })).toBeNull() // 待分类: the community sets it
    expect(missingForReport({ ...complete, description: '脏了', photoCount: 0 })).toBe('请用至少4个字描述问题，或拍张照片')
    expect(missingForReport({ ...complete, description: '脏了', photoCount: 1 })).toBeNull()
    expect(missingForReport({ ...complete, buildingId: null })).toBe('请选择位置或楼栋')
    expect(missingForReport(complete)).toBeNull()
  })

  it('submits once, and a retry after a network failure sends the same Idempotency-Key', async () => {
    loginAs([{ role: 'resident' }])
    let attempts = 0
    const api = fakeApi({
      'GET /api/categories': [{ id: 1, code: 'sanitation', name: '环境卫生', shortName: '环境卫生', icon: '🧹', routing: 'grid_worker' }],
      'GET /api/me': { id: 1, name: '王秀英', roles: [], community: { id: 1, name: '青和居社区' }, building: { id: 1, name: '青和居1栋' }, grid: null, household: null, phone: null },
      'GET /api/places/buildings': [{ id: 1, name: '青和居1栋', gridId: 1, communityId: 1 }],
      'POST /api/tickets': () => (++attempts === 1 ? new Error('offline') : ticket()),
    })
    render(<ReportPage />)
    fireEvent.click(await screen.findByText('环境卫生'))
    fireEvent.change(screen.getByPlaceholderText(/路灯坏了/), { target: { value: '1栋东侧垃圾桶满溢三天' } })
    await screen.findByText('青和居1栋')

    fireEvent.click(screen.getByText('提交报事'))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: expect.stringContaining('不会重复报事') })))
    fireEvent.click(screen.getByText('提交报事'))
    await screen.findByText('报事成功')

    const posts = api.mock.calls.map((c) => c[0]).filter((c) => c.method === 'POST')
    expect(posts).toHaveLength(2)
    expect(posts[0].header['Idempotency-Key']).toBeTruthy()
    expect(posts[1].header['Idempotency-Key']).toBe(posts[0].header['Idempotency-Key'])
    expect(posts[0].data).toMatchObject({ categoryId: 1, description: '1栋东侧垃圾桶满溢三天', buildingId: 1, anonymous: false })
  })
})

describe('报事: the same matter nearby', () => {
  it('shows matters of the same category near the building and lets the resident 附议 instead', async () => {
    loginAs([{ role: 'resident' }])
    const api = fakeApi({
      'GET /api/categories': [{ id: 1, code: 'sanitation', name: '环境卫生', shortName: '环境卫生', icon: '🧹', routing: 'grid_worker' }],
      'GET /api/me': { id: 1, name: '王秀英', roles: [], community: { id: 1, name: '青和居社区' }, building: { id: 1, name: '青和居1栋' }, grid: null, household: null, phone: null },
      'GET /api/places/buildings': [{ id: 1, name: '青和居1栋', gridId: 1, communityId: 1, lat: 30.641, lng: 114.3 }],
      'GET /api/tickets/nearby': [{ id: 3, code: '20261120-000003', status: 'accepted', description: '垃圾桶满了', distanceMeters: 35, followerCount: 2, createdAt: new Date().toISOString() }],
      'POST /api/tickets/3/follow': ticket({ id: 3, following: true }),
    })
    render(<ReportPage />)
    fireEvent.click(await screen.findByText('环境卫生'))
    expect(await screen.findByText('附近已有相同问题')).toBeTruthy()
    expect(screen.getByText(/相距35米 · 2人附议/)).toBeTruthy()
    const nearbyCall = api.mock.calls.find((c) => c[0].url.startsWith('/api/tickets/nearby'))![0]
    expect(nearbyCall.url).toContain('lat=30.641')
    expect(nearbyCall.url).toContain('categoryId=1')
    fireEvent.click(screen.getByText('附议'))
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/ticket/index?id=3' }))
    expect(api.mock.calls.some((c) => c[0].method === 'POST' && c[0].url === '/api/tickets/3/follow')).toBe(true)
  })
})

describe('ticket detail pages show only what the state machine allows', () => {
  it('a grid worker sees 接单 on a dispatched matter, and no 办结 yet', async () => {
    loginAs([{ role: 'grid_worker' }], 5, '赵敏')
    router.params = { id: '7' }
    fakeApi({ 'GET /api/tickets/7': ticket({ allowedActions: ['accept', 'return', 'transfer'] }) })
    render(<WorkerTicketPage />)
    expect(await screen.findByText('接单')).toBeTruthy()
    expect(screen.queryByText('办结', { selector: 'button' })).toBeNull()
    expect(screen.getByText('转派')).toBeTruthy()
  })

  it('after 接单 the worker gets the 办结 form, and resolving sends the note', async () => {
    loginAs([{ role: 'grid_worker' }], 5, '赵敏')
    router.params = { id: '7' }
    const api = fakeApi({
      'GET /api/tickets/7': ticket({ allowedActions: ['accept'] }),
      'POST /api/tickets/7/accept': ticket({ status: 'accepted', allowedActions: ['resolve', 'return', 'transfer'] }),
      'POST /api/tickets/7/resolve': ticket({ status: 'resolved', allowedActions: [], resolutionNote: '已清运' }),
    })
    render(<WorkerTicketPage />)
    fireEvent.click(await screen.findByText('接单'))
    fireEvent.change(await screen.findByPlaceholderText(/怎么处理/), { target: { value: '已清运' } })
    fireEvent.click(screen.getByText('办结', { selector: 'button' }))
    await waitFor(() => expect(api.mock.calls.some((c) => c[0].url.endsWith('/resolve'))).toBe(true))
    const resolve = api.mock.calls.find((c) => c[0].url.endsWith('/resolve'))![0]
    expect(resolve.data).toEqual({ note: '已清运', photoIds: [] })
  })

  it('a committee member sees 派单 and 不予受理 on a matter in the dispatch queue', async () => {
    loginAs([{ role: 'committee_member' }], 11, '黄丽华')
    router.params = { id: '7' }
    fakeApi({ 'GET /api/tickets/7': ticket({ status: 'submitted', handler: null, allowedActions: ['dispatch', 'reject'] }) })
    render(<CommitteeTicketPage />)
    expect(await screen.findByText('派单', { selector: 'button' })).toBeTruthy()
    expect(screen.getByText('不予受理', { selector: 'button' })).toBeTruthy()
    expect(screen.queryByText('转派')).toBeNull()
  })

  it('a resident rating 不满意 is told the matter is reopened (重办)', async () => {
    loginAs([{ role: 'resident' }])
    router.params = { id: '7' }
    const api = fakeApi({
      'GET /api/tickets/7': ticket({ status: 'resolved', resolutionNote: '已清运', allowedActions: ['rate'] }),
      'POST /api/tickets/7/rate': ticket({ status: 'dispatched', reopenCount: 1, rating: 'unsatisfied', allowedActions: ['cancel'] }),
    })
    render(<TicketPage />)
    fireEvent.click(await screen.findByText('不满意', { selector: '.chip span' }))
    expect(screen.getByText(/退回经办人重新办理/)).toBeTruthy()
    fireEvent.click(screen.getByText('提交评价'))
    expect((await screen.findByTestId('rate-notice')).textContent).toMatch(/重办/)
    const rate = api.mock.calls.find((c) => c[0].url.endsWith('/rate'))![0]
    expect(rate.data).toEqual({ rating: 'unsatisfied' })
  })
})

describe('lists and figures', () => {
  it('the worker inbox puts the earliest deadline first and finished matters last', () => {
    const soon = ticket({ id: 1, acceptDueAt: new Date(Date.now() + 60_000).toISOString() })
    const later = ticket({ id: 2, acceptDueAt: new Date(Date.now() + 7200_000).toISOString() })
    const done = ticket({ id: 3, status: 'resolved' })
    expect([done, later, soon].sort(byDeadline).map((t) => t.id)).toEqual([1, 2, 3])
  })

  it('the trend chart gets one row per bucket and rate, in percent, skipping what cannot be measured', () => {
    const rows = trendRows([{ start: '2026-11-01', total: 3, responseRate: 0.5, resolutionRate: null, satisfactionRate: 1, onTimeRate: 0 }])
    expect(rows).toEqual([
      { date: '11/1', type: '响应率', value: 50 },
      { date: '11/1', type: '满意率', value: 100 },
      { date: '11/1', type: '按时办结率', value: 0 },
    ])
  })

  it('the trend chart says its latest measurable bucket in words, for a screen reader', () => {
    const points = [
      { start: '2026-11-01', total: 3, responseRate: 0.5, resolutionRate: null, satisfactionRate: 1, onTimeRate: 0 },
      { start: '2026-11-08', total: 0, responseRate: null, resolutionRate: null, satisfactionRate: null, onTimeRate: null },
    ]
    expect(trendSummary(points)).toBe('趋势图，共2个时段。最近一段（11/1起，3件）：响应率50%，解决率无数据，满意率100%，按时办结率0%。下方可展开数据表。')
    expect(trendSummary([points[1]])).toBe('趋势图，共1个时段，还没有可计算的比率')
  })
})
