import autocannon from 'autocannon';

/** Same settings for the gateway and the baseline: 100 connections, 2 s warm-up, then 10 s measured. */
export const CONNECTIONS = 100;
export const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const WARMUP_SECONDS = 2;

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  total: number;
  /** Requests that failed: connection errors, timeouts, non-2xx statuses, unexpected bodies. */
  failed: number;
}

/** POSTs one GraphQL document from 100 connections; every body must pass `verify`. */
export async function loadGraphql(url: string, document: { query: string; variables?: Record<string, unknown> }, headers: Record<string, string>, verify: (body: string) => boolean): Promise<LoadResult> {
  const options = {
    url: `${url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(document),
    connections: CONNECTIONS,
    timeout: 10,
    verifyBody: verify,
  };
  await autocannon({ ...options, duration: WARMUP_SECONDS });
  const r = await autocannon({ ...options, duration: SECONDS });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, total: r.requests.total, failed: r.errors + r.non2xx + r.mismatches };
}
