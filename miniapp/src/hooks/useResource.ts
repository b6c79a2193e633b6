import { useCallback, useEffect, useRef, useState } from 'react'

export interface Resource<T> {
  data: T | null
  loading: boolean
  error: Error | null
  reload: () => Promise<void>
  /** Replace the data with what an action returned (e.g. the ticket after 接单). */
  setData: (data: T) => void
}

/** Load one thing, with loading / error states and a reload. `enabled=false` waits (e.g. for an id). */
export function useResource<T>(load: () => Promise<T>, deps: readonly unknown[], enabled = true): Resource<T> {
  const [data, setData] = useState<T | null>(null)
  const [loading, setLoading] = useState(enabled)
  const [error, setError] = useState<Error | null>(null)
  const loadRef = useRef(load)
  loadRef.current = load
  const generation = useRef(0)

  const reload = useCallback(async () => {
    const mine = ++generation.current
    setLoading(true)
    setError(null)
    try {
      const next = await loadRef.current()
      if (mine === generation.current) setData(next)
    } catch (err) {
      if (mine === generation.current) setError(err as Error)
    } finally {
      if (mine === generation.current) setLoading(false)
    }
  }, [])

  useEffect(() => {
    if (enabled) void reload()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, ...deps])

  return { data, loading, error, reload, setData }
}
