import Taro from '@tarojs/taro'
import type { AuthSession } from './types'

// Tokens live in Taro storage (wx storage in the mini-program, localStorage on the web).
const KEY = 'wuye.session'

export interface StoredSession {
  accessToken: string
  refreshToken: string
  /** epoch ms when the access token expires */
  expiresAt: number
}

let cached: StoredSession | null | undefined

export function getSession(): StoredSession | null {
  if (cached === undefined) {
    try {
      const raw = Taro.getStorageSync(KEY)
      cached = raw && typeof raw === 'object' && raw.accessToken ? (raw as StoredSession) : null
    } catch {
      cached = null
    }
  }
  return cached
}

export function saveSession(auth: AuthSession): StoredSession {
  cached = {
    accessToken: auth.accessToken,
    refreshToken: auth.refreshToken,
    expiresAt: Date.now() + auth.expiresIn * 1000,
  }
  Taro.setStorageSync(KEY, cached)
  return cached
}

export function clearSession(): void {
  cached = null
  try {
    Taro.removeStorageSync(KEY)
  } catch {
    // nothing stored
  }
}

export function isSignedIn(): boolean {
  return getSession() !== null
}
