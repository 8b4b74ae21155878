import Taro from '@tarojs/taro'

// The mini-program has no fetch: this is just enough of it for urql's fetchExchange
// (status, headers.get, text()). dataType other than 'json' plus responseType 'text'
// keep Taro.request from parsing the body, so urql sees the raw JSON text.

type Method = 'GET' | 'POST'

function headerGetter(header: Record<string, unknown> | undefined) {
  const lower: Record<string, string> = {}
  for (const [k, v] of Object.entries(header ?? {})) lower[k.toLowerCase()] = String(v)
  return { get: (name: string): string | null => lower[name.toLowerCase()] ?? null }
}

function plainHeaders(headers: HeadersInit | undefined): Record<string, string> {
  if (!headers) return {}
  if (Array.isArray(headers)) return Object.fromEntries(headers)
  const h = headers as Headers
  if (typeof h.forEach === 'function' && typeof h.get === 'function') {
    const out: Record<string, string> = {}
    h.forEach((v, k) => (out[k] = v))
    return out
  }
  return { ...(headers as Record<string, string>) }
}

async function taroFetchImpl(input: RequestInfo | URL, init: RequestInit = {}) {
  let res: Taro.request.SuccessCallbackResult<string>
  try {
    res = await Taro.request<string>({
      url: String(input),
      method: (init.method ?? 'GET').toUpperCase() as Method,
      header: plainHeaders(init.headers),
      data: init.body as string | undefined,
      dataType: 'text',
      responseType: 'text',
      timeout: 20000,
    })
  } catch (e) {
    // what a real fetch does on a network failure; urql turns it into a networkError
    throw new TypeError(`Network request failed: ${(e as { errMsg?: string })?.errMsg ?? e}`)
  }
  const body = typeof res.data === 'string' ? res.data : JSON.stringify(res.data)
  return {
    ok: res.statusCode >= 200 && res.statusCode < 300,
    status: res.statusCode,
    statusText: String(res.statusCode),
    headers: headerGetter(res.header),
    text: async () => body,
    json: async () => JSON.parse(body),
  }
}

export const taroFetch = taroFetchImpl as unknown as typeof fetch
