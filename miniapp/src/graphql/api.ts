import Taro from '@tarojs/taro'
import type { AnyVariables, OperationResult } from '@urql/core'
import { t } from '../i18n'
import { ROUTES } from '../routes'
import { client } from './client'
import { appError, fromCombinedError } from './errors'
import { RefreshSessionMutation } from './operations'
import { clearSession, getSession, saveSession } from './session'
import type { AuthSession } from './types'

type Kind = 'query' | 'mutation'

interface RequestOptions {
  /** login and refresh: send no Authorization header and never try a refresh */
  anonymous?: boolean
  /** logout: send the token, but neither refresh nor redirect when it is refused */
  quiet?: boolean
}

function send(kind: Kind, doc: string, vars: AnyVariables, anonymous: boolean): Promise<OperationResult> {
  const context = anonymous ? { fetchOptions: {} } : undefined
  return kind === 'query'
    ? client.query(doc, vars, context).toPromise()
    : client.mutation(doc, vars, context).toPromise()
}

function isUnauthenticated(result: OperationResult): boolean {
  return !!result.error?.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')
}

let refreshing: Promise<void> | null = null

/** Exchanges the refresh token for a new pair; one call at a time (tokens rotate). */
export function refreshSession(): Promise<void> {
  if (!refreshing) {
    refreshing = (async () => {
      const refreshToken = getSession()?.refreshToken
      if (!refreshToken) throw appError('UNAUTHENTICATED', t('error.sessionExpired'))
      const result = await send('mutation', RefreshSessionMutation, { refreshToken }, true)
      if (result.error || !result.data) {
        // a network failure keeps the session for the next try; a refused token ends it
        if (result.error?.graphQLErrors.length) clearSession()
        throw result.error ? fromCombinedError(result.error) : appError('INTERNAL', t('error.unknown'))
      }
      saveSession((result.data as { refreshSession: AuthSession }).refreshSession)
    })().finally(() => {
      refreshing = null
    })
  }
  return refreshing
}

/** Refreshes ahead of time when the access token is about to expire (used before sockets). */
export async function ensureFreshToken(): Promise<void> {
  const session = getSession()
  if (session && session.expiresAt - Date.now() < 30_000) {
    await refreshSession().catch(() => undefined)
  }
}

function currentRoute(): string {
  const pages = Taro.getCurrentPages()
  const route = pages[pages.length - 1]?.route ?? ''
  return '/' + route.replace(/^\//, '').split('?')[0]
}

export function goToSignIn(): void {
  if (currentRoute() !== ROUTES.login) Taro.reLaunch({ url: ROUTES.login })
}

async function request<Data>(kind: Kind, doc: string, vars: AnyVariables, opts: RequestOptions): Promise<Data> {
  const anonymous = !!opts.anonymous
  const recover = !anonymous && !opts.quiet
  let result = await send(kind, doc, vars, anonymous)
  if (recover && isUnauthenticated(result) && getSession()) {
    try {
      await refreshSession()
      result = await send(kind, doc, vars, false)
    } catch {
      // fall through: still unauthenticated
    }
  }
  if (result.error) {
    const error = fromCombinedError(result.error)
    if (recover && error.code === 'UNAUTHENTICATED') {
      clearSession()
      goToSignIn()
    }
    throw error
  }
  return result.data as Data
}

export function query<Data, Vars extends AnyVariables = AnyVariables>(doc: string, vars?: Vars): Promise<Data> {
  return request<Data>('query', doc, vars ?? {}, {})
}

export function mutate<Data, Vars extends AnyVariables = AnyVariables>(
  doc: string,
  vars?: Vars,
  opts: RequestOptions = {},
): Promise<Data> {
  return request<Data>('mutation', doc, vars ?? {}, opts)
}
