import { describe, expect, it } from 'vitest'
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { fakeApi, loginAs } from './fakeApi'
import CommitteeBindingsPage from '../src/committee/bindings/index'
import CommitteeClaimsPage from '../src/committee/claims/index'
import { newestFirst } from '../src/committee/review'

const binding = (id: number, createdAt: string, userName: string, householdLabel: string, phone: string | null) => ({
  id,
  userId: 100 + id,
  householdId: 200 + id,
  communityId: 1,
  status: 'pending',
  reason: null,
  createdAt,
  decidedAt: null,
  userName,
  phone,
  householdLabel,
})

describe('住户审核: pending binding requests', () => {
  it('newest first, by time then id', () => {
    const rows = [
      { id: 1, createdAt: '2026-11-22T01:00:00.000Z' },
      { id: 3, createdAt: '2026-11-23T01:00:00.000Z' },
      { id: 2, createdAt: '2026-11-23T01:00:00.000Z' },
    ]
    expect(newestFirst(rows).map((r) => r.id)).toEqual([3, 2, 1])
  })

  it('lists them newest first with the phone masked; approving removes the request', async () => {
    loginAs([{ role: 'committee_member' }])
    const api = fakeApi({
      'GET /api/bindings': [binding(1, '2026-11-22T02:00:00.000Z', '李建国', '3栋1单元502', '139****0001'), binding(2, '2026-11-23T02:00:00.000Z', '微信用户', '5栋2单元301', '13812348000')],
      'POST /api/bindings/2/approve': { id: 2, status: 'approved' },
    })
    render(<CommitteeBindingsPage />)
    const cards = await screen.findAllByText(/申请人：/)
    expect(cards.map((c) => c.textContent)).toEqual(['申请人：微信用户 · 138****8000', '申请人：李建国 · 139****0001'])
    expect(api.mock.calls[0][0].url).toBe('/api/bindings?status=pending')
    const first = cards[0].parentElement!
    fireEvent.click(within(first).getByText('通过'))
    await waitFor(() => expect(screen.queryByText('5栋2单元301')).toBeNull())
    expect(screen.getByText('3栋1单元502')).toBeTruthy()
  })

  it('rejecting needs a written reason, which is sent', async () => {
    loginAs([{ role: 'committee_member' }])
    const api = fakeApi({
      'GET /api/bindings': [binding(1, '2026-11-22T02:00:00.000Z', '李建国', '3栋1单元502', null)],
      'POST /api/bindings/1/reject': { id: 1, status: 'rejected', reason: '经核实不是该户住户' },
    })
    render(<CommitteeBindingsPage />)
    expect(await screen.findByText('申请人：李建国 · 未授权手机号')).toBeTruthy()
    fireEvent.click(screen.getByText('拒绝'))
    const confirm = screen.getByText('确定拒绝') as HTMLButtonElement
    expect(confirm.disabled).toBe(true)
    fireEvent.change(screen.getByPlaceholderText(/请写明原因/), { target: { value: '经核实不是该户住户' } })
    expect(confirm.disabled).toBe(false)
    fireEvent.click(confirm)
    await waitFor(() => expect(screen.getByText('没有待审核的绑定申请')).toBeTruthy())
    expect(api.mock.calls.at(-1)![0]).toMatchObject({ method: 'POST', url: '/api/bindings/1/reject', data: { reason: '经核实不是该户住户' } })
  })
})

describe('身份确认: staff claims by phone', () => {
  const claim = {
    id: 4,
    status: 'pending',
    account: { id: 30, name: '赵敏', phone: '137****5555', roles: [{ role: 'grid_worker', placeLevel: 'grid', placeId: 1, placeName: '青和居第一网格', communityId: 1 }] },
    claimant: { id: 77, nickname: '敏敏', createdAt: '2026-11-23T01:00:00.000Z' },
    reason: null,
    createdAt: '2026-11-23T02:00:00.000Z',
    decidedAt: null,
  }

  it('shows who would get which role, and confirms', async () => {
    loginAs([{ role: 'committee_member' }])
    const api = fakeApi({ 'GET /api/claims': [claim], 'POST /api/claims/4/confirm': { ...claim, status: 'confirmed' } })
    render(<CommitteeClaimsPage />)
    expect(await screen.findByText('赵敏 · 137****5555')).toBeTruthy()
    expect(screen.getByText('身份：网格员·青和居第一网格')).toBeTruthy()
    expect(screen.getByText('微信用户“敏敏”于11月23日 10:00认领')).toBeTruthy()
    fireEvent.click(screen.getByText('确认是本人'))
    await waitFor(() => expect(screen.getByText('没有待确认的身份')).toBeTruthy())
    expect(api.mock.calls.map((c) => c[0].url)).toEqual(['/api/claims?status=pending', '/api/claims/4/confirm'])
  })

  it('a rejection carries its reason', async () => {
    loginAs([{ role: 'committee_member' }])
    const api = fakeApi({ 'GET /api/claims': [claim], 'POST /api/claims/4/reject': { ...claim, status: 'rejected' } })
    render(<CommitteeClaimsPage />)
    fireEvent.click(await screen.findByText('拒绝'))
    fireEvent.change(screen.getByPlaceholderText(/请写明原因/), { target: { value: '号码已换人使用' } })
    fireEvent.click(screen.getByText('确定拒绝'))
    await waitFor(() => expect(api.mock.calls.at(-1)![0]).toMatchObject({ url: '/api/claims/4/reject', data: { reason: '号码已换人使用' } }))
  })
})
