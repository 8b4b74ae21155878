/** Resolves after `ms` (a pause between polls). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/**
 * Calls `load` every `intervalMs` until `done(value)` or `timeoutMs` has passed (then the last
 * value is returned as it is). `stopped()` lets a page that was left end the loop.
 */
export async function pollUntil<T>(
  load: () => Promise<T>,
  done: (value: T) => boolean,
  { intervalMs = 1000, timeoutMs = 60_000, stopped = () => false }: { intervalMs?: number; timeoutMs?: number; stopped?: () => boolean } = {},
): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await load()
    if (done(value) || stopped() || Date.now() + intervalMs > until) return value
    await sleep(intervalMs)
  }
}
