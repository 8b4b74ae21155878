import { Client, fetchExchange } from '@urql/core'
import { apiUrl, fetchImpl } from './platform'
import { getSession } from './session'

// No cacheExchange: pages refetch after mutations and on subscription events, and a
// document cache would show stale rooms after a family member is added elsewhere.
export const client = new Client({
  url: apiUrl,
  exchanges: [fetchExchange],
  fetch: fetchImpl,
  // always POST: Apollo's CSRF guard rejects simple GET requests
  preferGetMethod: false,
  requestPolicy: 'network-only',
  // a function, so each request reads the current token (it changes on refresh)
  fetchOptions: () => {
    const session = getSession()
    return session ? { headers: { authorization: `Bearer ${session.accessToken}` } } : {}
  },
})
