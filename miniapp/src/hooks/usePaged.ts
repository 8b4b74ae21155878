import { useCallback, useEffect, useRef, useState } from 'react'
import { query, toAppError, type AppError } from '../graphql'

interface Connection<T> {
  totalCount: number
  pageInfo: { hasNextPage: boolean; endCursor: string | null }
  nodes: T[]
}

/** A cursor-paged list (newest first): the first page on mount, more() appends the next. */
export function usePaged<Data, T>(doc: string, vars: Record<string, unknown>, pick: (data: Data) => Connection<T>) {
  const [nodes, setNodes] = useState<T[] | null>(null)
  const [cursor, setCursor] = useState<string | null>(null)
  const [hasMore, setHasMore] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const [busy, setBusy] = useState(false)
  const varsKey = JSON.stringify(vars)
  const pickRef = useRef(pick)
  pickRef.current = pick

  const load = useCallback(async (after: string | null) => {
    setBusy(true)
    try {
      const page = pickRef.current(await query<Data>(doc, { ...JSON.parse(varsKey), after }))
      setNodes((prev) => (after && prev ? [...prev, ...page.nodes] : page.nodes))
      setCursor(page.pageInfo.endCursor)
      setHasMore(page.pageInfo.hasNextPage)
      setError(null)
    } catch (e) {
      setError(toAppError(e))
    } finally {
      setBusy(false)
    }
  }, [doc, varsKey])

  useEffect(() => {
    setNodes(null)
    load(null)
  }, [load])

  return { nodes, error, busy, hasMore, more: () => load(cursor), reload: () => load(null) }
}
