import { useCallback, useEffect, useRef, useState } from 'react'
import { query } from './api'
import { toAppError, type AppError } from './errors'
import { subscribe } from './subscriptions'

interface QueryState<Data> {
  data: Data | null
  error: AppError | null
  loading: boolean
}

/** Runs a query on mount (and when its variables change); refetch() runs it again. */
export function useQuery<Data>(doc: string, vars?: Record<string, unknown>) {
  const [state, setState] = useState<QueryState<Data>>({ data: null, error: null, loading: true })
  const alive = useRef(true)
  const varsKey = JSON.stringify(vars ?? {})

  const refetch = useCallback(async () => {
    setState((s) => ({ ...s, loading: true }))
    try {
      const data = await query<Data>(doc, JSON.parse(varsKey))
      if (alive.current) setState({ data, error: null, loading: false })
    } catch (e) {
      if (alive.current) setState((s) => ({ ...s, error: toAppError(e), loading: false }))
    }
  }, [doc, varsKey])

  useEffect(() => {
    alive.current = true
    refetch()
    return () => {
      alive.current = false
    }
  }, [refetch])

  return { ...state, refetch }
}

/** Keeps a subscription open while the component is mounted. */
export function useSubscription<Data>(doc: string, onData: (data: Data) => void, enabled = true) {
  const handler = useRef(onData)
  handler.current = onData
  useEffect(() => {
    if (!enabled) return undefined
    // errors of a live-update channel are not worth interrupting the page for
    return subscribe<Data>(doc, {}, { next: (d) => handler.current(d), error: () => undefined })
  }, [doc, enabled])
}

/** Wraps an async action with busy/error state for a button or form. */
export function useAction<Args extends unknown[], R>(fn: (...args: Args) => Promise<R>) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const latest = useRef(fn)
  latest.current = fn

  const run = useCallback(async (...args: Args): Promise<R | undefined> => {
    setBusy(true)
    setError(null)
    try {
      return await latest.current(...args)
    } catch (e) {
      setError(toAppError(e))
      return undefined
    } finally {
      setBusy(false)
    }
  }, [])

  return { run, busy, error, setError }
}
