import { describe, expect, it } from 'vitest'
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { fakeApi, loginAs } from './fakeApi'
import Taro from '@tarojs/taro'
import CommitteeHoldsPage from '../src/committee/holds/index'
import MinePage from '../src/pages/mine/index'
import { heldTextTitle, holdReasonLabel } from '../src/committee/review'

const hold = (id: number, createdAt: string, over: Partial<{ field: string; text: string; reason: string; ticketId: number | null; ticketCode: string | null }> = {}) => ({
  id,
  communityId: 1,
  ticketId: 7,
  ticketCode: '20261123-000007',
  field: 'description',
  text: '楼道灯坏了',
  reason: 'review',
  createdAt,
  releasedAt: null,
  ...over,
})

describe('内容审核: what a held text is', () => {
  it('names the field of the matter, or the resident for a nickname', () => {
    expect(heldTextTitle({ field: 'description', ticketId: 7, ticketCode: '20261123-000007' })).toBe('报事 20261123-000007 的问题描述')
    expect(heldTextTitle({ field: 'ratingComment', ticketId: 9, ticketCode: null })).toBe('报事 #9 的评价内容')
    expect(heldTextTitle({ field: 'nickname', ticketId: null, ticketCode: null })).toBe('住户的昵称')
  })

  it('says why it was held, and an unknown reason as the server wrote it', () => {
    expect(holdReasonLabel('no_recent_visit')).toBe('作者近期未在微信中打开小程序，无法检查')
    expect(holdReasonLabel('something_new')).toBe('something_new')
  })
})

describe('内容审核: the committee releases held texts', () => {
  it('lists the community’s held texts newest first, as written', async () => {
    loginAs([{ role: 'committee_member', communityId: 3 }])
    const api = fakeApi({
      'GET /api/content-holds': {
        items: [
          hold(1, '2026-11-22T02:00:00.000Z', { text: '物业<经理>又不在' }),
          hold(2, '2026-11-23T01:30:00.000Z', { field: 'ratingComment', ticketId: 8, ticketCode: '20261123-000008', text: '还是没修好  ', reason: 'unavailable' }),
        ],
      },
    })
    render(<CommitteeHoldsPage />)
    const titles = await screen.findAllByText(/^报事 /)
    expect(titles.map((t) => t.textContent)).toEqual(['报事 20261123-000008 的评价内容', '报事 20261123-000007 的问题描述'])
    expect(within(titles[0].parentElement!).getByText('11月23日 09:30提交 · 提交时内容安全检查不可用')).toBeTruthy()
    expect(screen.getByText('物业<经理>又不在')).toBeTruthy()
    expect(api.mock.calls[0][0].url).toBe('/api/content-holds?communityId=3')
  })

  it('放行 asks first; cancelling sends nothing, confirming releases it and it leaves the list', async () => {
    loginAs([{ role: 'committee_member' }])
    const api = fakeApi({
      'GET /api/content-holds': { items: [hold(4, '2026-11-23T01:00:00.000Z', { field: 'nickname', ticketId: null, ticketCode: null, text: '三号楼老张' })] },
      'POST /api/content-holds/4/release': { ...hold(4, '2026-11-23T01:00:00.000Z'), releasedAt: '2026-11-23T03:00:00.000Z' },
    })
    render(<CommitteeHoldsPage />)
    fireEvent.click(await screen.findByText('放行'))
    expect(screen.getByRole('dialog').textContent).toContain('住户的昵称将按原文公开显示')
    fireEvent.click(screen.getByText('取消'))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(api.mock.calls).toHaveLength(1)

    fireEvent.click(screen.getByText('放行'))
    fireEvent.click(screen.getByText('确认放行'))
    await waitFor(() => expect(screen.getByText('没有待放行的内容')).toBeTruthy())
    expect(api.mock.calls.at(-1)![0]).toMatchObject({ method: 'POST', url: '/api/content-holds/4/release' })
  })

  it('a failed release keeps the text in the list', async () => {
    loginAs([{ role: 'committee_member' }])
    fakeApi({
      'GET /api/content-holds': { items: [hold(5, '2026-11-23T01:00:00.000Z')] },
      'POST /api/content-holds/5/release': { statusCode: 404, code: 'NOT_FOUND', message: '没有这条待审核的内容' },
    })
    render(<CommitteeHoldsPage />)
    fireEvent.click(await screen.findByText('放行'))
    fireEvent.click(screen.getByText('确认放行'))
    await waitFor(() => expect((screen.getByText('放行').closest('button') as HTMLButtonElement).disabled).toBe(false))
    expect(screen.getByText('楼道灯坏了')).toBeTruthy()
  })

  it('an error loading the list is shown with a retry', async () => {
    loginAs([{ role: 'committee_member' }])
    fakeApi({ 'GET /api/content-holds': { statusCode: 403, code: 'FORBIDDEN', message: '不是该社区的居委会成员' } })
    render(<CommitteeHoldsPage />)
    expect(await screen.findByText('不是该社区的居委会成员')).toBeTruthy()
  })
})

describe('内容审核 on 我的', () => {
  const committeeMe = { id: 11, name: '黄丽华', phone: null, roles: [{ role: 'committee_member', placeLevel: 'community', placeId: 1, placeName: '青和居社区', communityId: 1 }], household: null, building: null, grid: null, community: { id: 1, name: '青和居社区', utcOffsetMinutes: 480 } }

  it('a committee member sees how many texts wait, and the entry opens the page', async () => {
    loginAs([{ role: 'committee_member' }], 11, '黄丽华')
    const api = fakeApi({
      'GET /api/me': committeeMe,
      'GET /api/notifications': { items: [], total: 0, page: 1, pageSize: 1, unread: 0 },
      'GET /api/content-holds': { items: [hold(1, '2026-11-22T02:00:00.000Z'), hold(2, '2026-11-23T02:00:00.000Z')] },
    })
    render(<MinePage />)
    const entry = (await screen.findByText('内容审核')).closest('.link-cell') as HTMLElement
    await waitFor(() => expect(within(entry).getByText('2')).toBeTruthy())
    expect(api.mock.calls.map((c) => c[0].url)).toContain('/api/content-holds?communityId=1')
    fireEvent.click(entry)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/committee/holds/index' })
  })

  it('a resident neither sees it nor asks for the count', async () => {
    loginAs([{ role: 'resident' }])
    const api = fakeApi({ 'GET /api/me': { ...committeeMe, roles: [{ ...committeeMe.roles[0], role: 'resident' }] }, 'GET /api/notifications': { items: [], total: 0, page: 1, pageSize: 1, unread: 0 } })
    render(<MinePage />)
    await screen.findByText('我的消息')
    await waitFor(() => expect(api.mock.calls.length).toBeGreaterThan(0))
    expect(screen.queryByText('内容审核')).toBeNull()
    expect(api.mock.calls.some((c) => c[0].url.startsWith('/api/content-holds'))).toBe(false)
  })
})
