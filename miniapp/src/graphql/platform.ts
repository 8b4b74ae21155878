// Web portal (h5), the default: the gateway serves the portal, so the API is on the same
// origin. The mini-program build picks platform.weapp.ts instead of this file.

export const apiUrl = '/graphql'

export function wsUrl(): string {
  const { protocol, host } = window.location
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/graphql`
}

/** undefined: urql uses the browser's fetch */
export const fetchImpl: typeof fetch | undefined = undefined

/** undefined: graphql-ws uses the browser's WebSocket */
export const webSocketImpl: unknown = undefined
