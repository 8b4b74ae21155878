// WeChat mini-program: no fetch, no WebSocket; the API URL is fixed at build time
// (WUYE_API_URL, see config/index.ts) and must be a request/socket domain of the app.
import { taroFetch } from './taro-fetch'
import { TaroWebSocket } from './taro-websocket'

export const apiUrl: string = WUYE_API_URL

export function wsUrl(): string {
  return WUYE_API_URL.replace(/^http/, 'ws')
}

export const fetchImpl: typeof fetch | undefined = taroFetch

export const webSocketImpl: unknown = TaroWebSocket
