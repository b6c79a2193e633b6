/** 随手拍: from 首页 straight to the camera; the photo arrives on 报事 uploading, the building filled in. */
import { describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { fakeApi, loginAs, ticket } from './fakeApi'
import HomePage from '../src/pages/index/index'
import ReportPage from '../src/pages/report/index'

const me = { id: 1, name: '王秀英', phone: null, roles: [], community: { id: 1, name: '青和居社区', utcOffsetMinutes: 480 }, building: { id: 1, name: '青和居1栋' }, grid: null, household: { id: 5, label: '1栋502', bindingStatus: 'approved' } }

describe('随手拍', () => {
  it('three taps in the app (随手拍, a category, 提交报事) and two in WeChat\'s camera report a matter with its photo', async () => {
    loginAs([{ role: 'resident' }])
    const api = fakeApi({
      'GET /api/me': me,
      'GET /api/tickets': { items: [], total: 0, page: 1, pageSize: 20 },
      'GET /api/public/tickets': { items: [], total: 0, page: 1, pageSize: 3 },
      'GET /api/notifications/unread-count': { count: 0 },
      'GET /api/categories': [{ id: 1, code: 'sanitation', name: '环境卫生', shortName: '环境卫生', icon: '🧹', routing: 'grid_worker' }],
      'GET /api/places/buildings': [{ id: 1, name: '青和居1栋', gridId: 1, communityId: 1 }],
      'GET /api/notifications/subscriptions': { templateIds: [] },
      'POST /api/tickets': ticket(),
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
    tap(await screen.findByText('环境卫生'))
    fireEvent.change(screen.getByPlaceholderText(/路灯坏了/), { target: { value: '门口积水' } }) // typed, or spoken through the keyboard
    tap(screen.getByText('提交报事'))
    await waitFor(() => expect(api.mock.calls.some((c) => c[0].method === 'POST' && c[0].url === '/api/tickets')).toBe(true))
    expect(api.mock.calls.find((c) => c[0].method === 'POST')![0].data).toMatchObject({ categoryId: 1, description: '门口积水', photoIds: [42], buildingId: 1 })
    expect(taps).toBe(3)
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
