/** A report the server did not confirm survives the page and the app, and goes again under the same Idempotency-Key. */
import { describe, expect, it } from 'vitest'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { fakeApi, loginAs, ticket } from './fakeApi'
import ReportPage from '../src/pages/report/index'
import { loadReportDraft, saveReportDraft } from '../src/services/report-draft'

const me = { id: 1, name: '王秀英', phone: null, roles: [], community: { id: 1, name: '青和居社区', utcOffsetMinutes: 480 }, building: { id: 1, name: '青和居1栋' }, grid: null, household: { id: 5, label: '1栋502', bindingStatus: 'approved' } }

describe('the report draft', () => {
  it('after a submit with no answer, a restarted app shows the draft and resends it under the same key, once', async () => {
    loginAs([{ role: 'resident' }])
    let answer: 'none' | 'created' = 'none'
    const api = fakeApi({
      'GET /api/me': me,
      'GET /api/categories': [{ id: 1, code: 'sanitation', name: '环境卫生', shortName: '环境卫生', icon: '🧹', routing: 'grid_worker' }],
      'GET /api/places/buildings': [{ id: 1, name: '青和居1栋', gridId: 1, communityId: 1 }],
      'GET /api/notifications/subscriptions': { templateIds: [] },
      'GET /api/tickets/nearby': [],
      // The first submit reaches the server or not: the phone gets no answer (the connection dropped).
      'POST /api/tickets': () => (answer === 'none' ? new Error('request:fail') : ticket({ status: 'dispatched', description: '东门垃圾桶满了没人清' })),
    })
    const posts = () => api.mock.calls.filter((c) => c[0].method === 'POST' && c[0].url.endsWith('/api/tickets')).map((c) => c[0])

    const first = render(<ReportPage />)
    fireEvent.click(await screen.findByText('环境卫生'))
    fireEvent.change(screen.getByRole('textbox'), { target: { value: '东门垃圾桶满了没人清' } })
    await screen.findByText('青和居1栋')
    fireEvent.click(screen.getByText('提交报事'))
    await waitFor(() => expect(posts()).toHaveLength(1))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalled())
    first.unmount() // WeChat closed the mini-program

    answer = 'created'
    render(<ReportPage />)
    expect(await screen.findByText('已恢复上次没有提交成功的报事')).toBeTruthy()
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe('东门垃圾桶满了没人清')
    fireEvent.click(screen.getByText('提交报事'))
    await waitFor(() => expect(posts()).toHaveLength(2))
    const [a, b] = posts()
    expect(b.data).toEqual(a.data)
    expect(b.header['Idempotency-Key']).toBe(a.header['Idempotency-Key'])
    // Confirmed: nothing is kept, and the next matter gets a new key.
    await waitFor(() => expect(loadReportDraft(1)).toBeNull())
  })

  it('keeps its photos for 20 hours (the server drops unused uploads after a day), its words for 7 days', () => {
    const saved = new Date('2026-12-02T02:00:00Z') // 10:00 in Beijing
    const draft = { categoryId: null, description: '门口积水', buildingId: 1, location: null, anonymous: false, photos: [{ fileId: 42, url: '/api/files/k42' }], sent: { body: '{}', key: 'k1' } }
    saveReportDraft(1, draft, saved)
    expect(loadReportDraft(1, new Date('2026-12-02T21:59:00Z'))).toMatchObject({ photos: [{ fileId: 42 }], sent: { key: 'k1' } }) // 19 h 59 min
    // 20 h 01 min: the photos may be gone; without them the body differs, so the unanswered key is dropped too.
    expect(loadReportDraft(1, new Date('2026-12-02T22:01:00Z'))).toMatchObject({ description: '门口积水', photos: [], sent: null })
    expect(loadReportDraft(1, new Date('2026-12-09T01:59:00Z'))).toMatchObject({ description: '门口积水' }) // 6 days 23 h 59 min
    expect(loadReportDraft(1, new Date('2026-12-09T02:01:00Z'))).toBeNull()
    expect(loadReportDraft(2, saved)).toBeNull() // another user on the same phone sees nothing
  })

  it('a draft of only photos is not offered once they may be gone; the building filled in alone is no draft', () => {
    saveReportDraft(1, { categoryId: null, description: '', buildingId: 1, location: null, anonymous: false, photos: [{ fileId: 42, url: '/api/files/k42' }], sent: null }, new Date('2026-12-02T02:00:00Z'))
    expect(loadReportDraft(1, new Date('2026-12-03T02:00:00Z'))).toBeNull()
    saveReportDraft(1, { categoryId: null, description: ' ', buildingId: 1, location: null, anonymous: true, photos: [], sent: null })
    expect(loadReportDraft(1)).toBeNull()
  })
})
