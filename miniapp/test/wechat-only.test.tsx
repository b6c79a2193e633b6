/** What only the WeChat build does: subscribe requests from a tap, the phone and avatar buttons. */
import { describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { router } from './mocks/taro'
import { wechatButton } from './mocks/components'
import { fakeApi, loginAs, ticket } from './fakeApi'
import { booking, serviceItem, slot } from './bookingFixtures'

vi.mock('../src/services/config', async (original) => ({ ...(await original<typeof import('../src/services/config')>()), IS_WEAPP: true, IS_H5: false }))

const { default: ReportPage } = await import('../src/pages/report/index')
const { default: WorkerTicketPage } = await import('../src/worker/ticket/index')
const { default: ProfilePage } = await import('../src/pages/profile/index')
const { default: ServicePage } = await import('../src/pages/service/index')
const { default: RosterPage } = await import('../src/provider/roster/index')

const subscribe = vi.mocked(Taro.requestSubscribeMessage)
const me = { id: 1, name: '王秀英', phone: null, roles: [], community: { id: 1, name: '青和居社区', utcOffsetMinutes: 480 }, building: { id: 1, name: '青和居1栋' }, grid: null, household: { id: 5, label: '1栋502', bindingStatus: 'approved' } }

describe('subscribe messages: the ids come from the API, asked for from the tap', () => {
  it('after a report, 接收进度提醒 asks WeChat for the ids the server names for "report" (at most 3)', async () => {
    loginAs([{ role: 'resident' }])
    const api = fakeApi({
      'GET /api/categories': [{ id: 1, code: 'sanitation', name: '环境卫生', shortName: '环境卫生', icon: '🧹', routing: 'grid_worker' }],
      'GET /api/me': me,
      'GET /api/places/buildings': [{ id: 1, name: '青和居1栋', gridId: 1, communityId: 1 }],
      'GET /api/notifications/subscriptions': { templateIds: ['t-accepted', 't-resolved', 't-closed', 't-extra'] },
      'POST /api/tickets': ticket(),
    })
    render(<ReportPage />)
    fireEvent.click(await screen.findByText('环境卫生'))
    fireEvent.change(screen.getByPlaceholderText(/路灯坏了/), { target: { value: '1栋东侧垃圾桶满溢三天' } })
    await screen.findByText('青和居1栋')
    fireEvent.click(screen.getByText('提交报事'))
    fireEvent.click(await screen.findByText('接收进度提醒'))
    await waitFor(() => expect(subscribe).toHaveBeenCalledWith({ tmplIds: ['t-accepted', 't-resolved', 't-closed'] }))
    expect(api.mock.calls.find((c) => c[0].url.startsWith('/api/notifications/subscriptions'))![0].url).toBe('/api/notifications/subscriptions?for=report')
  })

  it('without ids from the server the dialog just opens the matter, and nothing is asked', async () => {
    loginAs([{ role: 'resident' }])
    fakeApi({
      'GET /api/categories': [{ id: 1, code: 'sanitation', name: '环境卫生', shortName: '环境卫生', icon: '🧹', routing: 'grid_worker' }],
      'GET /api/me': me,
      'GET /api/places/buildings': [{ id: 1, name: '青和居1栋', gridId: 1, communityId: 1 }],
      'GET /api/notifications/subscriptions': { templateIds: [] },
      'POST /api/tickets': ticket(),
    })
    render(<ReportPage />)
    fireEvent.click(await screen.findByText('环境卫生'))
    fireEvent.change(screen.getByPlaceholderText(/路灯坏了/), { target: { value: '1栋东侧垃圾桶满溢三天' } })
    await screen.findByText('青和居1栋')
    fireEvent.click(screen.getByText('提交报事'))
    fireEvent.click(await screen.findByText('查看报事'))
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/ticket/index?id=7' }))
    expect(subscribe).not.toHaveBeenCalled()
  })

  it('a grid worker\'s 接单 asks for the "accept" ids from the same tap', async () => {
    loginAs([{ role: 'grid_worker' }])
    router.params = { id: '7' }
    const api = fakeApi({
      'GET /api/tickets/7': ticket({ allowedActions: ['accept'] }),
      'GET /api/notifications/subscriptions': { templateIds: ['t-dispatched'] },
      'POST /api/tickets/7/accept': ticket({ status: 'accepted', allowedActions: ['resolve'] }),
    })
    render(<WorkerTicketPage />)
    await waitFor(() => expect(api.mock.calls.some((c) => c[0].url === '/api/notifications/subscriptions?for=accept')).toBe(true))
    fireEvent.click(await screen.findByText('接单'))
    await waitFor(() => expect(subscribe).toHaveBeenCalledWith({ tmplIds: ['t-dispatched'] }))
    await waitFor(() => expect(api.mock.calls.some((c) => c[0].url === '/api/tickets/7/accept')).toBe(true))
  })
})

describe('profile buttons', () => {
  it('getPhoneNumber sends the code to POST /api/me/phone; a refusal sends nothing and says why', async () => {
    loginAs([{ role: 'resident' }])
    const api = fakeApi({
      'GET /api/me': { ...me, phone: null, nickname: null },
      'POST /api/me/phone': { me: { ...me, phone: '13812348000', phoneVerified: true }, login: null },
    })
    render(<ProfilePage />)
    const button = await screen.findByText('授权手机号')
    expect(button.getAttribute('data-open-type')).toBe('getPhoneNumber')
    wechatButton.detail = { errMsg: 'getPhoneNumber:fail user deny' }
    fireEvent.click(button)
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '您没有授权手机号。授权后才能与社区登记的信息核对，需要时请再点“授权手机号”。' }))
    wechatButton.detail = { code: 'phone-code-1', errMsg: 'getPhoneNumber:ok' }
    fireEvent.click(button)
    expect(await screen.findByText('138****8000（已验证）')).toBeTruthy()
    expect(api.mock.calls.filter((c) => c[0].method === 'POST').map((c) => c[0].data)).toEqual([{ code: 'phone-code-1' }])
  })

  it('chooseAvatar uploads the picture through /api/files and saves its id on the profile', async () => {
    loginAs([{ role: 'resident' }])
    vi.mocked(Taro.uploadFile).mockImplementation((opts: any) => {
      opts.success({ statusCode: 201, data: JSON.stringify({ id: 42, url: '/api/files/k42', mimeType: 'image/jpeg', size: 1000 }) })
      return { onProgressUpdate: () => undefined } as never
    })
    const api = fakeApi({ 'GET /api/me': { ...me, avatarUrl: null }, 'PUT /api/me/profile': { ...me, avatarUrl: '/api/files/k42' } })
    render(<ProfilePage />)
    wechatButton.detail = { avatarUrl: 'wxfile://tmp/avatar.jpg' }
    fireEvent.click(await screen.findByText('选择头像'))
    await waitFor(() => expect(api.mock.calls.some((c) => c[0].method === 'PUT')).toBe(true))
    expect(vi.mocked(Taro.uploadFile).mock.calls[0][0]).toMatchObject({ filePath: 'wxfile://tmp/avatar.jpg', name: 'file' })
    expect(api.mock.calls.find((c) => c[0].method === 'PUT')![0].data).toEqual({ avatarFileId: 42 })
  })
})

describe('预约 in WeChat', () => {
  it('joining a full slot\'s waiting list asks for the "book" subscription from that tap, then joins', async () => {
    loginAs([{ role: 'resident' }])
    router.params = { id: '3' }
    const api = fakeApi({
      'GET /api/services/3': serviceItem(),
      'GET /api/services/3/slots': [slot()],
      'GET /api/notifications/subscriptions': { templateIds: ['t-offered', 't-reminder'] },
      'POST /api/bookings': (call: { data: { join?: string } }) =>
        call.data.join === 'waitlist' ? booking({ status: 'waiting', waitingPosition: 2, checkInCode: null }) : { statusCode: 409, code: 'SLOT_FULL', message: '该时段已约满，可以加入候补', requestId: 'r' },
    })
    render(<ServicePage />)
    fireEvent.click(await screen.findByText('预约'))
    fireEvent.click(await screen.findByRole('button', { name: '确认预约' }))
    fireEvent.click(await screen.findByText('加入候补'))
    await screen.findByTestId('booked')
    expect(subscribe).toHaveBeenCalledWith({ tmplIds: ['t-offered', 't-reminder'] })
    expect(api.mock.calls.find((c) => c[0].url.startsWith('/api/notifications/subscriptions'))![0].url).toBe('/api/notifications/subscriptions?for=book')
  })

  it('the provider checks in by scanning the QR code, which holds the 6 digits', async () => {
    loginAs([{ role: 'partner' }], 8, '李老师')
    router.params = { slotId: '11' }
    vi.mocked(Taro.scanCode).mockResolvedValue({ result: '482913' } as never)
    const api = fakeApi({
      'GET /api/slots/11/roster': { slot: slot(), service: { id: 3, name: '老年证办理', place: '大厅' }, entries: [], counts: { booked: 0, attended: 0, noShow: 0, waiting: 0, offered: 0, cancelled: 0 } },
      'POST /api/bookings/check-in': booking({ status: 'attended' }),
    })
    render(<RosterPage />)
    fireEvent.click(await screen.findByText('扫码签到'))
    await waitFor(() => expect(screen.getByTestId('check-in-result').textContent).toBe('王秀英 签到成功'))
    expect(api.mock.calls.map((c) => c[0]).filter((c) => c.method === 'POST').map((c) => c.data)).toEqual([{ slotId: 11, code: '482913' }])
  })
})

describe('随手拍 in WeChat: the point where the photo was taken, only when it costs no tap', () => {
  const snapped = async (authorised: boolean) => {
    loginAs([{ role: 'resident' }])
    const api = fakeApi({
      'GET /api/categories': [],
      'GET /api/me': me,
      'GET /api/places/buildings': [{ id: 1, name: '青和居1栋', gridId: 1, communityId: 1 }],
      'GET /api/notifications/subscriptions': { templateIds: [] },
      'POST /api/tickets': ticket({ status: 'submitted', category: null, handler: null }),
    })
    vi.mocked(Taro.getSetting).mockResolvedValue({ authSetting: authorised ? { 'scope.userLocation': true } : {} } as never)
    vi.mocked(Taro.getLocation).mockResolvedValue({ latitude: 30.6421, longitude: 114.3833 } as never)
    vi.mocked(Taro.uploadFile).mockImplementation((opts: any) => {
      opts.success({ statusCode: 201, data: JSON.stringify({ id: 42, url: '/api/files/k42', mimeType: 'image/jpeg', size: 1000 }) })
      return { onProgressUpdate: () => undefined } as never
    })
    const { handPhotosToReport } = await import('../src/hooks/usePhotoUploads')
    handPhotosToReport([{ path: 'wxfile://tmp/snap.jpg' }])
    render(<ReportPage />)
    await screen.findByText('青和居1栋')
    await waitFor(() => expect(screen.getByText('提交报事').closest('button')!.disabled).toBe(false))
    if (authorised) await screen.findByText('拍照位置')
    fireEvent.click(screen.getByText('提交报事'))
    await waitFor(() => expect(api.mock.calls.some((c) => c[0].method === 'POST' && c[0].url === '/api/tickets')).toBe(true))
    return api.mock.calls.find((c) => c[0].method === 'POST' && c[0].url === '/api/tickets')![0].data
  }

  it('already allowed: the phone\'s point goes with the building', async () => {
    expect(await snapped(true)).toMatchObject({ lat: 30.6421, lng: 114.3833, buildingId: 1, photoIds: [42] })
    expect(Taro.getLocation).toHaveBeenCalledWith({ type: 'gcj02' })
  })

  it('never allowed: no prompt, the building alone', async () => {
    const sent = await snapped(false)
    expect(sent).toMatchObject({ buildingId: 1 })
    expect(sent).not.toHaveProperty('lat')
    expect(Taro.getLocation).not.toHaveBeenCalled()
  })
})
