/** 随手拍: from 首页 straight to the camera; the photo arrives on 报事 uploading, the building filled in, the category left to the community. */
import { describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { fakeApi, loginAs, ticket } from './fakeApi'
import HomePage from '../src/pages/index/index'
import ReportPage, { missingForReport } from '../src/pages/report/index'
import CommitteeTicketPage from '../src/committee/ticket/index'
import DashboardPage from '../src/committee/dashboard/index'
import { satisfactionSummary } from '../src/committee/dashboard/DeliberationSatisfaction'
import { router } from './mocks/taro'

const me = { id: 1, name: '王秀英', phone: null, roles: [], community: { id: 1, name: '青和居社区', utcOffsetMinutes: 480 }, building: { id: 1, name: '青和居1栋' }, grid: null, household: { id: 5, label: '1栋502', bindingStatus: 'approved' } }

describe('随手拍', () => {
  it('two taps in the app (随手拍, 提交报事) and two in WeChat\'s camera report a matter with its photo, no category, no words', async () => {
    loginAs([{ role: 'resident' }])
    const api = fakeApi({
      'GET /api/me': me,
      'GET /api/tickets': { items: [], total: 0, page: 1, pageSize: 20 },
      'GET /api/public/tickets': { items: [], total: 0, page: 1, pageSize: 3 },
      'GET /api/notifications/unread-count': { count: 0 },
      'GET /api/categories': [{ id: 1, code: 'sanitation', name: '环境卫生', shortName: '环境卫生', icon: '🧹', routing: 'grid_worker' }],
      'GET /api/places/buildings': [{ id: 1, name: '青和居1栋', gridId: 1, communityId: 1 }],
      'GET /api/notifications/subscriptions': { templateIds: [] },
      'POST /api/tickets': ticket({ status: 'submitted', category: null, handler: null, description: '' }),
    })
    // WeChat's camera: the shutter and 使用照片 are its own two taps.
    vi.mocked(Taro.chooseMedia).mockResolvedValue({ tempFiles: [{ tempFilePath: 'wxfile://tmp/snap.jpg', size: 1000, fileType: 'image' }], type: 'image', errMsg: 'chooseMedia:ok' } as never)
    vi.mocked(Taro.uploadFile).mockImplementation((opts: any) => {
      opts.success({ statusCode: 201, data: JSON.stringify({ id: 42, url: '/api/files/k42', mimeType: 'image/jpeg', size: 1000 }) })
      return { onProgressUpdate: () => undefined } as never
    })
    let taps = 0
    const tap = (el: HTMLElement) => {
      taps += 1
      fireEvent.click(el)
    }

    const home = render(<HomePage />)
    tap(await screen.findByText('随手拍'))
    await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/report/index' }))
    expect(vi.mocked(Taro.chooseMedia).mock.calls[0][0]).toMatchObject({ sourceType: ['camera'], mediaType: ['image'] })
    home.unmount()

    render(<ReportPage />)
    await waitFor(() => expect(vi.mocked(Taro.uploadFile).mock.calls[0]?.[0]).toMatchObject({ filePath: 'wxfile://tmp/snap.jpg' }))
    await screen.findByText('青和居1栋') // the resident's building, already chosen
    expect(await screen.findByText('照片已拍好，可以直接提交')).toBeTruthy() // the page says the community will classify it
    expect(screen.getByPlaceholderText(/可不填/)).toBeTruthy()
    await waitFor(() => expect(screen.getByText('直接提交').closest('button')!.disabled).toBe(false)) // in sight, no scrolling
    tap(screen.getByText('直接提交'))
    await waitFor(() => expect(api.mock.calls.some((c) => c[0].method === 'POST' && c[0].url === '/api/tickets')).toBe(true))
    const sent = api.mock.calls.find((c) => c[0].method === 'POST')![0].data
    expect(sent).toEqual({ description: '', photoIds: [42], anonymous: false, buildingId: 1 })
    expect(taps).toBe(2)
    expect(await screen.findByText(/社区会先分类，再派给负责的人/)).toBeTruthy()
    // H5 (and a WeChat user who never allowed their location) asks for no location: the building stands.
    expect(Taro.getLocation).not.toHaveBeenCalled()
  })

  it('without a photo the category is still asked for; with one it may be left', () => {
    const form = { categoryId: null, description: '门口积水', photoCount: 0, buildingId: 1, location: null }
    expect(missingForReport(form)).toBe('请选择报事类别，或拍张照片由社区分类')
    expect(missingForReport({ ...form, photoCount: 1, description: '' })).toBeNull()
    expect(missingForReport({ ...form, categoryId: 1, description: '' })).toBe('请用至少4个字描述问题，或拍张照片')
  })

  it('a committee member sets the category of a 待分类 matter, and it is dispatched by the category\'s routing', async () => {
    loginAs([{ role: 'committee_member' }], 11, '黄丽华')
    router.params = { id: '7' }
    const waiting = ticket({ status: 'submitted', category: null, handler: null, description: '', allowedActions: ['reject', 'categorise'] })
    const api = fakeApi({
      'GET /api/tickets/7': waiting,
      'GET /api/categories': [
        { id: 1, code: 'sanitation', name: '环境卫生', shortName: '环境卫生', icon: '🧹', routing: 'grid_worker', acceptMinutes: 60, resolveMinutes: 1440, duplicateRadiusMeters: 100 },
        { id: 3, code: 'noise', name: '噪音扰民', shortName: '噪音扰民', icon: '🔊', routing: 'grid_worker', acceptMinutes: 30, resolveMinutes: 240, duplicateRadiusMeters: 150 },
      ],
      'POST /api/tickets/7/categorise': ticket({ status: 'dispatched', category: { id: 3, name: '噪音扰民', icon: '🔊' }, handler: { id: 5, name: '赵敏' }, description: '', allowedActions: ['transfer', 'reject'] }),
    })
    render(<CommitteeTicketPage />)
    expect(await screen.findByText(/待分类/)).toBeTruthy()
    expect(screen.getByText('（照片报事，未写文字）')).toBeTruthy()
    expect(screen.queryByText('派单', { selector: 'button' })).toBeNull() // classified first, never dispatched by hand
    fireEvent.click(screen.getByText('设置类别', { selector: 'button' }))
    const confirm = await screen.findByText('确定设置类别')
    expect((confirm as HTMLButtonElement).disabled).toBe(true)
    fireEvent.click(await screen.findByText('噪音扰民'))
    fireEvent.click(screen.getByText('确定设置类别'))
    await waitFor(() => expect(api.mock.calls.some((c) => c[0].url.endsWith('/categorise'))).toBe(true))
    expect(api.mock.calls.find((c) => c[0].url.endsWith('/categorise'))![0].data).toEqual({ categoryId: 3 })
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '已设为噪音扰民，派给赵敏', icon: 'none' }))
    expect(screen.getByText(/经办人 赵敏/)).toBeTruthy()
  })

  it('the committee\'s dashboard shows how many matters wait for a category', async () => {
    loginAs([{ role: 'committee_member' }], 11, '黄丽华')
    fakeApi({
      'GET /api/stats/overview': { communityId: 1, total: 5, awaitingCategory: 2, byGrid: [], byStatus: { submitted: 3 }, byCategory: [], responseRate: null, resolutionRate: null, satisfactionRate: null, onTimeRate: null },
      'GET /api/stats/trend': { communityId: 1, bucket: 'day', utcOffsetMinutes: 480, points: [] },
      'GET /api/stats/deliberation': { communityId: 1, from: '2026-11-03', to: '2026-12-02', topicsDone: 0, ratings: { satisfied: 0, basically_satisfied: 0, unsatisfied: 0, satisfactionRate: null }, ticketSatisfactionRate: null },
    })
    render(<DashboardPage />)
    expect(await screen.findByText('待分类 2 件')).toBeTruthy()
    expect(await screen.findByText('这段时间办结0个议题，还没有居民评价成果')).toBeTruthy()
    fireEvent.click(screen.getByText('去设置类别'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/committee/tickets/index?uncategorised=1' })
  })

  it('the dashboard shows 议事成果满意率 beside the tickets\' 满意率, with the words behind the bars', async () => {
    loginAs([{ role: 'committee_member' }], 11, '黄丽华')
    const deliberationStats = { communityId: 1, from: '2026-11-03', to: '2026-12-02', topicsDone: 1, ratings: { satisfied: 2, basically_satisfied: 1, unsatisfied: 1, satisfactionRate: 0.75 }, ticketSatisfactionRate: 0.8 }
    // 4 households rated: 2 满意 + 1 基本满意 of 4 = 3/4 = 75%; the tickets' 满意率 0.8 is 80%.
    fakeApi({
      'GET /api/stats/overview': { communityId: 1, total: 0, awaitingCategory: 0, byGrid: [], byStatus: {}, byCategory: [], responseRate: null, resolutionRate: null, satisfactionRate: 0.8, onTimeRate: null },
      'GET /api/stats/trend': { communityId: 1, bucket: 'day', utcOffsetMinutes: 480, points: [] },
      'GET /api/stats/deliberation': deliberationStats,
    })
    render(<DashboardPage />)
    const card = await screen.findByTestId('stats-deliberation')
    expect(card.querySelector('[data-rate="results"]')!.textContent).toBe('议事成果75%')
    expect(card.querySelector('[data-rate="tickets"]')!.textContent).toBe('报事80%')
    expect(satisfactionSummary(deliberationStats)).toBe('议事成果满意率75%（4户评价：满意2，基本满意1，不满意1）；报事满意率80%')
    expect(screen.getByText('办结1个议题；4户评价：满意2，基本满意1，不满意1')).toBeTruthy()
  })

  it('a cancelled camera stays on 首页 and says nothing', async () => {
    loginAs([{ role: 'resident' }])
    fakeApi({ 'GET /api/me': me, 'GET /api/tickets': { items: [], total: 0, page: 1, pageSize: 20 }, 'GET /api/public/tickets': { items: [], total: 0, page: 1, pageSize: 3 }, 'GET /api/notifications/unread-count': { count: 0 }, 'GET /api/deliberation/board': { items: [], total: 0, page: 1, pageSize: 1 } })
    vi.mocked(Taro.chooseMedia).mockRejectedValue({ errMsg: 'chooseMedia:fail cancel' })
    render(<HomePage />)
    fireEvent.click(await screen.findByText('随手拍'))
    await waitFor(() => expect(Taro.chooseMedia).toHaveBeenCalled())
    expect(Taro.switchTab).not.toHaveBeenCalled()
    expect(Taro.showToast).not.toHaveBeenCalled()
  })
})
