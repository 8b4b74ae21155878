import { useState } from 'react'
import { appError, type AppError } from '../../../graphql'
import { t } from '../../../i18n'
import { parseYuan } from '../../../utils/money'

/** The amount (元) and reason of a reduction or refund, checked before sending (as the server would). */
export function useAmountReason() {
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  const checked = (): { amountFen: number; reason: string } => {
    const amountFen = parseYuan(amount)
    const problems: AppError['fieldErrors'] = []
    if (!amountFen) problems.push({ field: 'amountFen', message: t('common.amountInvalid'), path: 'amountFen' })
    if (!reason.trim()) problems.push({ field: 'reason', message: t('adjust.reasonPlaceholder'), path: 'reason' })
    if (problems.length) throw appError('BAD_USER_INPUT', problems[0].message, problems)
    return { amountFen: amountFen!, reason: reason.trim() }
  }
  const reset = () => {
    setAmount('')
    setReason('')
  }
  return { amount, setAmount, reason, setReason, checked, reset }
}
