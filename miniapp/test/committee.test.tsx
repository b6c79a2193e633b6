import { describe, expect, it } from 'vitest'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { router } from './mocks/taro'
import { fakeApi, loginAs, ticket } from './fakeApi'
import CommitteeTicketsPage from '../src/committee/tickets/index'
import CommitteeTicketPage from '../src/committee/ticket/index'
import WorkerTicketPage from '../src/worker/ticket/index'

const page = (items: unknown[] = []) => ({ items, total: items.length, page: 1, pageSize: 20 })
const listCalls = (api: ReturnType<typeof fakeApi>) => api.mock.calls.map((c) => c[0].url as string).filter((u) => u.startsWith('/api/tickets?'))

describe('社区报事: the community\'s matters with filters', () => {
  it('opens on the dispatch queue, and the status chips and 只看超时 filter what the API returns', async () => {
    loginAs([{ role: 'committee_member' }], 11, '黄丽华')
    const api = fakeApi({
      'GET /api/tickets': page([ticket({ status: 'submitted', handler: null })]),
      'GET /api/categories': [],
      'GET /api/stats/overview': { byGrid: [], byStatus: {}, total: 0 },
    })
    render(<CommitteeTicketsPage />)
    expect(await screen.findByText('1栋东侧垃圾桶满溢')).toBeTruthy()
    expect(listCalls(api)[0]).toContain('scope=community&status=submitted')

    fireEvent.click(screen.getByText('处理中'))
    await waitFor(() => expect(listCalls(api).at(-1)).toContain('status=accepted'))
    fireEvent.click(screen.getAllByRole('checkbox')[0])
    await waitFor(() => expect(listCalls(api).at(-1)).toContain('overdue=true'))
    fireEvent.click(screen.getByText('全部'))
    await waitFor(() => expect(listCalls(api).at(-1)).not.toContain('status='))
  })

  it('只看待分类 lists the matters waiting for a category; the dashboard opens the page with it on', async () => {
    loginAs([{ role: 'committee_member' }], 11, '黄丽华')
    router.params = { uncategorised: '1' }
    const api = fakeApi({
      'GET /api/tickets': page([ticket({ status: 'submitted', handler: null, category: null })]),
      'GET /api/categories': [],
      'GET /api/stats/overview': { byGrid: [], byStatus: {}, total: 0 },
    })
    render(<CommitteeTicketsPage />)
    await waitFor(() => expect(listCalls(api)[0]).toContain('scope=community&status=submitted&uncategorised=true'))
    expect(screen.getByText('待分类 ▾')).toBeTruthy()
    const onlyUncategorised = screen.getByTestId('filter-uncategorised').querySelector('input')!
    fireEvent.click(onlyUncategorised)
    await waitFor(() => expect(listCalls(api).at(-1)).not.toContain('uncategorised'))
    expect(screen.getByText('全部类别 ▾')).toBeTruthy()
    fireEvent.click(onlyUncategorised)
    await waitFor(() => expect(listCalls(api).at(-1)).toContain('uncategorised=true'))
  })

  it('不予受理 needs a reason and sends it with the note', async () => {
    loginAs([{ role: 'committee_member' }], 11, '黄丽华')
    router.params = { id: '7' }
    const api = fakeApi({
      'GET /api/tickets/7': ticket({ status: 'submitted', handler: null, allowedActions: ['dispatch', 'reject'] }),
      'POST /api/tickets/7/reject': ticket({ status: 'rejected', rejectReason: 'outside_remit', allowedActions: [] }),
    })
    render(<CommitteeTicketPage />)
    fireEvent.click(await screen.findByText('不予受理', { selector: 'button' }))
    const confirm = screen.getByText('确定不予受理')
    expect((confirm as HTMLButtonElement).disabled).toBe(true)
    fireEvent.click(screen.getByText('不属于社区受理范围'))
    fireEvent.change(screen.getByPlaceholderText(/补充说明/), { target: { value: '请拨打12345' } })
    fireEvent.click(screen.getByText('确定不予受理'))
    await waitFor(() => expect(api.mock.calls.some((c) => c[0].url.endsWith('/reject'))).toBe(true))
    expect(api.mock.calls.find((c) => c[0].url.endsWith('/reject'))![0].data).toEqual({ reason: 'outside_remit', note: '请拨打12345' })
  })
})

describe('网格员: 退回 and 转派', () => {
  it('退回 sends the reason; 转派 sends the chosen colleague and the reason', async () => {
    loginAs([{ role: 'grid_worker' }], 5, '赵敏')
    router.params = { id: '7' }
    const api = fakeApi({
      'GET /api/tickets/7': ticket({ status: 'accepted', allowedActions: ['resolve', 'return', 'transfer'] }),
      'GET /api/tickets/7/handlers': [{ id: 6, name: '孙浩', role: 'grid_worker', gridName: '青和居第二网格', openCount: 1 }],
      'POST /api/tickets/7/return': ticket({ status: 'submitted', handler: null, allowedActions: [] }),
      'POST /api/tickets/7/transfer': ticket({ status: 'dispatched', handler: { id: 6, name: '孙浩' }, allowedActions: [] }),
    })
    render(<WorkerTicketPage />)
    fireEvent.click(await screen.findByText('转派'))
    fireEvent.click(await screen.findByText('孙浩'))
    fireEvent.change(screen.getByPlaceholderText('转派原因（必填）'), { target: { value: '在第二网格' } })
    fireEvent.click(screen.getByText('确定转派'))
    await waitFor(() => expect(api.mock.calls.some((c) => c[0].url.endsWith('/transfer'))).toBe(true))
    expect(api.mock.calls.find((c) => c[0].url.endsWith('/transfer'))![0].data).toEqual({ toUserId: 6, reason: '在第二网格' })
  })

  it('退回 sends the reason', async () => {
    loginAs([{ role: 'grid_worker' }], 5, '赵敏')
    router.params = { id: '7' }
    const api = fakeApi({
      'GET /api/tickets/7': ticket({ status: 'dispatched', allowedActions: ['accept', 'return', 'transfer'] }),
      'POST /api/tickets/7/return': ticket({ status: 'submitted', handler: null, allowedActions: [] }),
    })
    render(<WorkerTicketPage />)
    fireEvent.click(await screen.findByText(/退回（不属于我处理）/))
    fireEvent.change(screen.getByPlaceholderText(/退回原因/), { target: { value: '这是物业的事' } })
    fireEvent.click(screen.getByText('确定退回'))
    await waitFor(() => expect(api.mock.calls.some((c) => c[0].url.endsWith('/return'))).toBe(true))
    expect(api.mock.calls.find((c) => c[0].url.endsWith('/return'))![0].data).toEqual({ reason: '这是物业的事' })
  })
})
