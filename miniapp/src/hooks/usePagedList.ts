import { useCallback, useEffect, useRef, useState } from 'react'
import type { Page } from '@linli/shared'

export interface PagedList<T> {
  items: T[]
  total: number
  /** First page loading (not a refresh or a next page). */
  loading: boolean
  error: Error | null
  hasMore: boolean
  /** Pull to refresh: page 1 again. */
  refresh: () => Promise<void>
  /** Infinite scroll: the next page. */
  loadMore: () => Promise<void>
}

export const PAGE_SIZE = 20

export interface PagedListOptions {
  pageSize?: number
  /** false: do not load (e.g. the user lacks the role); the list stays empty. */
  enabled?: boolean
}

/** A list read page by page from a `Page<T>` endpoint; reloads from page 1 when `deps` change. */
export function usePagedList<T>(fetchPage: (page: number, pageSize: number) => Promise<Page<T>>, deps: readonly unknown[], options: PagedListOptions = {}): PagedList<T> {
  const { pageSize = PAGE_SIZE, enabled = true } = options
  const [items, setItems] = useState<T[]>([])
  const [total, setTotal] = useState(0)
  const [page, setPage] = useState(0)
  const [loading, setLoading] = useState(enabled)
  const [error, setError] = useState<Error | null>(null)
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage
  const generation = useRef(0)
  const busy = useRef(false)

  const loadPage = useCallback(
    async (next: number) => {
      const mine = next === 1 ? ++generation.current : generation.current
      busy.current = true
      setError(null)
      try {
        const res = await fetchRef.current(next, pageSize)
        if (mine !== generation.current) return
        setItems((prev) => (next === 1 ? res.items : [...prev, ...res.items]))
        setTotal(res.total)
        setPage(next)
      } catch (err) {
        if (mine === generation.current) setError(err as Error)
      } finally {
        if (mine === generation.current) {
          busy.current = false
          setLoading(false)
        }
      }
    },
    [pageSize],
  )

  const refresh = useCallback(async () => {
    if (enabled) await loadPage(1)
  }, [enabled, loadPage])

  useEffect(() => {
    setItems([])
    setTotal(0)
    setPage(0)
    setLoading(enabled)
    if (enabled) void loadPage(1)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, ...deps])

  const hasMore = page === 0 ? false : items.length < total
  const loadMore = useCallback(async () => {
    if (busy.current || !hasMore) return
    await loadPage(page + 1)
  }, [busy, hasMore, loadPage, page])

  return { items, total, loading, error, hasMore, refresh, loadMore }
}
