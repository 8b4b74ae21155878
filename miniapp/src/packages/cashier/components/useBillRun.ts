import { useEffect, useState } from 'react'
import { BillRunQuery, StartBillRunMutation, mutate, query, toAppError, useAction, type AppError } from '../../../graphql'
import type { BillRun } from '../../../graphql/billing-types'

const POLL_MS = 1000

/** 生成账单: start a run, then follow billRun(id) every second until DONE or FAILED. */
export function useBillRun() {
  const [run, setRun] = useState<BillRun | null>(null)
  const [pollError, setPollError] = useState<AppError | null>(null)
  const start = useAction(async (estateId: string, period: string) => {
    setRun(null)
    setPollError(null)
    setRun((await mutate<{ startBillRun: BillRun }>(StartBillRunMutation, { estateId, period })).startBillRun)
  })

  const runningId = run?.status === 'RUNNING' ? run.id : null
  useEffect(() => {
    if (!runningId) return undefined
    let stopped = false
    const timer = setTimeout(async () => {
      try {
        const { billRun } = await query<{ billRun: BillRun }>(BillRunQuery, { id: runningId })
        if (!stopped) setRun(billRun)
      } catch (e) {
        if (!stopped) setPollError(toAppError(e))
      }
    }, POLL_MS)
    return () => {
      stopped = true
      clearTimeout(timer)
    }
    // `run` changes on every answer, so the next poll is scheduled after each one
  }, [runningId, run])

  return { run, start: start.run, busy: start.busy || !!runningId, error: start.error ?? pollError }
}
