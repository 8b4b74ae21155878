import type { CombinedError } from '@urql/core'
import { t } from '../i18n'

export type ErrorCode =
  | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT'
  | 'RATE_LIMITED' | 'INTERNAL' | 'NETWORK'

export interface FieldError {
  /** the last segment of the server's path: `input.phone` → `phone` */
  field: string
  message: string
  /** the server's full path, e.g. `readings.2.reading` for the third reading of a batch */
  path: string
}

/** An error fit to show: the server's Chinese message, its code, and per-field messages. */
export interface AppError {
  name: 'AppError'
  code: ErrorCode
  message: string
  fieldErrors: FieldError[]
  /** RATE_LIMITED: when the action may be tried again */
  retryAfterSeconds?: number
}

// A plain object rather than `class extends Error`: transpiled subclasses of Error lose
// `instanceof` on old mini-program engines.
export function appError(code: ErrorCode, message: string, fieldErrors: FieldError[] = []): AppError {
  return { name: 'AppError', code, message, fieldErrors }
}

export function isAppError(e: unknown): e is AppError {
  return typeof e === 'object' && e !== null && (e as AppError).name === 'AppError'
}

interface GraphQLErrorLike {
  message: string
  extensions?: { code?: unknown; fieldErrors?: unknown; retryAfterSeconds?: unknown }
}

export function fromGraphQLErrors(errors: readonly GraphQLErrorLike[]): AppError {
  const first = errors[0]
  if (!first) return appError('INTERNAL', t('error.unknown'))
  const code = (typeof first.extensions?.code === 'string' ? first.extensions.code : 'INTERNAL') as ErrorCode
  const raw = Array.isArray(first.extensions?.fieldErrors) ? first.extensions.fieldErrors : []
  const fieldErrors = raw
    .filter((f): f is { field: string; message: string } => typeof f?.field === 'string' && typeof f?.message === 'string')
    // `input.phone` and `phone` both address the phone field
    .map((f) => ({ field: f.field.split('.').pop() as string, message: f.message, path: f.field }))
  const error = appError(code, first.message || t('error.unknown'), fieldErrors)
  const retry = first.extensions?.retryAfterSeconds
  return typeof retry === 'number' ? { ...error, retryAfterSeconds: retry } : error
}

export function fromCombinedError(error: CombinedError): AppError {
  if (error.graphQLErrors.length) return fromGraphQLErrors(error.graphQLErrors)
  return appError('NETWORK', t('error.network'))
}

/** Anything caught in a page → something to show. */
export function toAppError(e: unknown): AppError {
  if (isAppError(e)) return e
  return appError('INTERNAL', t('error.unknown'))
}

/** The message for one field, if the server sent one. */
export function fieldError(error: AppError | null | undefined, field: string): string | undefined {
  return error?.fieldErrors.find((f) => f.field === field)?.message
}

/** The error for the banner above a form: null when every message is shown beside a field. */
export function bannerError(error: AppError | null | undefined, shownFields: string[]): AppError | null {
  if (!error) return null
  const unshown = error.fieldErrors.filter((f) => !shownFields.includes(f.field))
  if (error.fieldErrors.length && !unshown.length) return null
  return unshown.length && unshown.length < error.fieldErrors.length ? { ...error, message: unshown[0].message } : error
}
