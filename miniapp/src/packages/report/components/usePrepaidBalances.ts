import { useCallback, useEffect, useState } from 'react'
import { PrepaidBalancesQuery, query, toAppError, type AppError } from '../../../graphql'
import type { PrepaidBalanceRow, PrepaidBalancesData } from '../../../graphql/report-types'

interface Totals { roomCount: number; totalFen: number }

/** 预收款余额 a page at a time (by room code): the totals with the first page, more() appends. */
export function usePrepaidBalances(estateId: string) {
  const [rows, setRows] = useState<PrepaidBalanceRow[] | null>(null)
  const [totals, setTotals] = useState<Totals | null>(null)
  const [cursor, setCursor] = useState<string | null>(null)
  const [hasMore, setHasMore] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const [busy, setBusy] = useState(false)

  const load = useCallback(
    async (after: string | null) => {
      setBusy(true)
      try {
        const { prepaidBalances: page } = await query<PrepaidBalancesData>(PrepaidBalancesQuery, { estateId, after })
        setRows((prev) => (after && prev ? [...prev, ...page.nodes] : page.nodes))
        // every page carries the totals; the first page's go with a fresh list
        setTotals({ roomCount: page.roomCount, totalFen: page.totalFen })
        setCursor(page.pageInfo.endCursor)
        setHasMore(page.pageInfo.hasNextPage)
        setError(null)
      } catch (e) {
        setError(toAppError(e))
      } finally {
        setBusy(false)
      }
    },
    [estateId],
  )

  useEffect(() => {
    load(null)
  }, [load])

  return { rows, totals, error, busy, hasMore, more: () => load(cursor), reload: () => load(null) }
}
