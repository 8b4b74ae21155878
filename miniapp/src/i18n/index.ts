import zhCN, { type MessageKey } from './zh-CN'

export type { MessageKey }
export type Catalogue = Record<MessageKey, string>

// Another language is a second catalogue of the same keys plus a switch here.
const catalogue: Catalogue = zhCN

/** The message for `key`, with `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text: string = catalogue[key] ?? key
  if (!params) return text
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m))
}
