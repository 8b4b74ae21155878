import { createClient, type Client } from 'graphql-ws/client'
import { ensureFreshToken, goToSignIn, refreshSession } from './api'
import { appError, fromGraphQLErrors, type AppError } from './errors'
import { webSocketImpl, wsUrl } from './platform'
import { clearSession, getSession } from './session'
import { t } from '../i18n'

// The gateway reads the token from the connection_init payload (browsers and wx sockets
// cannot set an Authorization header on the upgrade request).
let ws: Client | null = null

function wsClient(): Client {
  if (!ws) {
    ws = createClient({
      url: wsUrl,
      webSocketImpl,
      lazy: true,
      retryAttempts: 10,
      connectionParams: async () => {
        await ensureFreshToken()
        const session = getSession()
        return session ? { authorization: `Bearer ${session.accessToken}` } : {}
      },
    })
  }
  return ws
}

/** Closes the socket, e.g. on sign-out, so the next sign-in connects with its own token. */
export function closeSubscriptions(): void {
  ws?.dispose()
  ws = null
}

function isAuthFailure(e: unknown): boolean {
  if (Array.isArray(e)) return e.some((x) => x?.extensions?.code === 'UNAUTHENTICATED')
  const code = (e as { code?: number } | null)?.code
  return code === 4401 || code === 4403
}

interface Handlers<Data> {
  next: (data: Data) => void
  error?: (error: AppError) => void
}

/** Starts a subscription; returns the function that stops it. */
export function subscribe<Data>(doc: string, vars: Record<string, unknown>, handlers: Handlers<Data>): () => void {
  let stop: () => void = () => undefined
  let stopped = false
  let refreshed = false

  const start = () => {
    stop = wsClient().subscribe<Data>(
      { query: doc, variables: vars },
      {
        next: (result) => {
          if (result.errors?.length) handlers.error?.(fromGraphQLErrors(result.errors))
          else if (result.data) handlers.next(result.data as Data)
        },
        error: (e) => {
          if (stopped) return
          if (isAuthFailure(e) && !refreshed) {
            // once: the token expired while the socket was away; the next connect re-reads it
            refreshed = true
            refreshSession().then(start, () => {
              clearSession()
              goToSignIn()
            })
            return
          }
          handlers.error?.(Array.isArray(e) ? fromGraphQLErrors(e) : appError('NETWORK', t('error.network')))
        },
        complete: () => undefined,
      },
    )
  }
  start()
  return () => {
    stopped = true
    stop()
  }
}
