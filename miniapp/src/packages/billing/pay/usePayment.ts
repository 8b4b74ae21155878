import { useEffect, useRef, useState } from 'react'
import { CreatePaymentOrderMutation, PaymentOrderQuery, appError, isAppError, mutate, query, useAction } from '../../../graphql'
import type { CreatePaymentOrderData, PaymentOrder, PaymentOrderData } from '../../../graphql/billing-types'
import { t } from '../../../i18n'
import { pollUntil } from '../../../utils/poll'
import { canPayHere, confirmPayment } from './confirm'

export type PayStage = 'idle' | 'creating' | 'paying' | 'confirming'
/** How a payment that did not end in a receipt ended, for the notice under the pay bar. */
export type PayNotice = 'unavailable' | 'cancelled' | 'pending' | null

/** The notify may take a moment after WeChat says OK; after this the receipt is left to 缴费记录. */
const CONFIRM_TIMEOUT_MS = 30_000

/**
 * 在线缴费: create an order for the chosen lines → WeChat's payment sheet (or the demo's fake) →
 * poll paymentOrder(id) every second until PAID → `onPaid(paymentId)` with the receipt.
 */
export function usePayment(onPaid: (paymentId: string) => void) {
  const [stage, setStage] = useState<PayStage>('idle')
  const [notice, setNotice] = useState<PayNotice>(null)
  const alive = useRef(true)
  useEffect(() => () => {
    alive.current = false
  }, [])

  const pay = useAction(async (roomId: string, lineIds: string[]) => {
    setNotice(null)
    try {
      if (!(await canPayHere())) return setNotice('unavailable')
      setStage('creating')
      const { order, wechatPay } = (await mutate<CreatePaymentOrderData>(CreatePaymentOrderMutation, { roomId, lineIds })).createPaymentOrder
      setStage('paying')
      if ((await confirmPayment(order, wechatPay)) === 'cancelled') return setNotice('cancelled')
      setStage('confirming')
      const final = await pollUntil<PaymentOrder>(
        async () => (await query<PaymentOrderData>(PaymentOrderQuery, { id: order.id })).paymentOrder,
        (o) => o.status !== 'CREATED',
        { intervalMs: 1000, timeoutMs: CONFIRM_TIMEOUT_MS, stopped: () => !alive.current },
      )
      if (final.status === 'PAID' && final.payment) return onPaid(final.payment.id)
      if (final.status === 'CREATED') return setNotice('pending')
      throw appError('CONFLICT', t('pay.closed'))
    } catch (e) {
      // the GraphQL errors come with a Chinese message; a failed WeChat sheet or fetch does not
      throw isAppError(e) ? e : appError('INTERNAL', t('pay.failed', { reason: errMsg(e) }))
    } finally {
      if (alive.current) setStage('idle')
    }
  })

  return { pay: pay.run, busy: pay.busy, error: pay.error, stage, notice }
}

function errMsg(e: unknown): string {
  const msg = (e as { errMsg?: string; message?: string })?.errMsg ?? (e as Error)?.message
  return msg || t('error.unknown')
}
