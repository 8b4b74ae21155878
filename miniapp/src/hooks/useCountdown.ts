import { useCallback, useEffect, useRef, useState } from 'react'

/** Seconds left before an action may be repeated (e.g. resending an SMS code). */
export function useCountdown() {
  const [left, setLeft] = useState(0)
  const timer = useRef<ReturnType<typeof setInterval> | null>(null)

  const stop = () => {
    if (timer.current) clearInterval(timer.current)
    timer.current = null
  }

  const start = useCallback((seconds: number) => {
    stop()
    setLeft(seconds)
    timer.current = setInterval(() => {
      setLeft((s) => {
        if (s <= 1) stop()
        return Math.max(0, s - 1)
      })
    }, 1000)
  }, [])

  useEffect(() => stop, [])
  return { left, start }
}
