import Taro from '@tarojs/taro'
import { ROUTES } from '../routes'
import { ensureFreshToken, mutate } from './api'
import { LogoutMutation } from './operations'
import { clearSession, getSession, saveSession } from './session'
import { closeSubscriptions } from './subscriptions'
import type { AuthSession } from './types'

/** Runs a login mutation (its only field answers an AuthSession), keeps the tokens, goes home. */
export async function signIn<K extends string>(
  doc: string,
  field: K,
  vars: Record<string, unknown>,
): Promise<AuthSession> {
  const data = await mutate<Record<K, AuthSession>>(doc, vars, { anonymous: true })
  const auth = data[field]
  closeSubscriptions()
  saveSession(auth)
  Taro.reLaunch({ url: ROUTES.home })
  return auth
}

/** Ends the session on the server (best effort) and locally, then shows the sign-in page. */
export async function signOut(): Promise<void> {
  try {
    // the gateway finds the session from the access token, so make sure it is still valid
    await ensureFreshToken()
    if (getSession()) await mutate<{ logout: boolean }>(LogoutMutation, {}, { quiet: true })
  } catch {
    // signing out must work offline and with an expired session too
  }
  closeSubscriptions()
  clearSession()
  Taro.reLaunch({ url: ROUTES.login })
}
