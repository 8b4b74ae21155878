import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import type { TestGateway } from './gateway';

export interface WsOutcome {
  /** `next` payloads (results, with their errors) */
  results: { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] }[];
  /** the payload of an `error` message: the operation was refused before it ran */
  errors?: { message: string; extensions?: Record<string, any> }[];
}

/** Runs one query or mutation over graphql-ws (as the mini-program's socket would) and waits for its end. */
export async function overWebSocket(t: TestGateway, query: string, variables?: Record<string, unknown>, token?: string): Promise<WsOutcome> {
  const client = createClient({
    url: `${t.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
  const outcome: WsOutcome = { results: [] };
  try {
    await new Promise<void>((resolve, reject) =>
      client.subscribe(
        { query, variables },
        {
          next: (r) => outcome.results.push(r as WsOutcome['results'][number]),
          error: (e) => (Array.isArray(e) ? ((outcome.errors = e), resolve()) : reject(e)),
          complete: resolve,
        },
      ),
    );
  } finally {
    await client.dispose();
  }
  return outcome;
}
