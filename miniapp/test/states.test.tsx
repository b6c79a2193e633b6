import { describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen } from '@testing-library/react'
import { PagedList } from '../src/components/PagedList'
import type { PagedList as PagedListState } from '../src/hooks/usePagedList'
import { ApiRequestError } from '../src/services/request'

const list = (patch: Partial<PagedListState<string>>): PagedListState<string> => ({
  items: [],
  total: 0,
  loading: false,
  error: null,
  hasMore: false,
  refresh: vi.fn(),
  loadMore: vi.fn(),
  ...patch,
})

describe('every list has its loading, error and empty states', () => {
  const renderItem = (s: string) => <p key={s}>{s}</p>

  it('loading', () => {
    render(<PagedList list={list({ loading: true })} renderItem={renderItem} emptyText='暂无' />)
    expect(screen.getByTestId('loading')).toBeTruthy()
  })

  it("error: the API's message and a retry", () => {
    const refresh = vi.fn()
    render(<PagedList list={list({ error: new Error('服务繁忙，请稍后再试'), refresh })} renderItem={renderItem} emptyText='暂无' />)
    expect(screen.getByText('服务繁忙，请稍后再试')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    expect(refresh).toHaveBeenCalled()
  })

  it('error with no answer at all: check the network, then the 重试 beside it', () => {
    render(<PagedList list={list({ error: new ApiRequestError(0, 'NETWORK', '网络不通，请检查网络后再试一次') })} renderItem={renderItem} emptyText='暂无' />)
    expect(screen.getByText('网络不通，请检查网络后点“重试”')).toBeTruthy()
    expect(screen.getByText('重试')).toBeTruthy()
  })

  it('error with no message at all still says what to do', () => {
    render(<PagedList list={list({ error: new Error('') })} renderItem={renderItem} emptyText='暂无' />)
    expect(screen.getByText('页面没有加载出来，请点“重试”')).toBeTruthy()
  })

  it('empty, inside the scroller so pulling down still refreshes', () => {
    render(<PagedList list={list({})} renderItem={renderItem} emptyText='还没有报事' />)
    expect(screen.getByTestId('infinite').textContent).toContain('还没有报事')
  })

  it('items', () => {
    render(<PagedList list={list({ items: ['甲', '乙'], total: 2 })} renderItem={renderItem} emptyText='暂无' />)
    expect(screen.getByText('甲')).toBeTruthy()
    expect(screen.getByText('乙')).toBeTruthy()
  })
})
