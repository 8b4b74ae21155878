import { t } from '../i18n'
import { appError, type AppError, type FieldError } from '../graphql/errors'

export const PHONE = /^1\d{10}$/

/** Checks before sending (throw the result), shaped like the server's BAD_USER_INPUT so both show the same way. */
export function check(rules: [field: string, ok: boolean, message: string][]): AppError | null {
  const fieldErrors: FieldError[] = rules.filter(([, ok]) => !ok).map(([field, , message]) => ({ field, message, path: field }))
  return fieldErrors.length ? appError('BAD_USER_INPUT', fieldErrors[0].message, fieldErrors) : null
}

export const required = (value: string) => value.trim().length > 0
export const requiredMessage = () => t('error.required')
export const phoneMessage = () => t('error.phoneInvalid')
