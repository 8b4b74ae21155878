// The web portal: a browser cannot open WeChat Pay. When the gateway runs its fake WeChat Pay
// (demo mode) it says so at GET /dev/wechatpay, and POST /dev/wechatpay/pay stands in for the
// user confirming in WeChat (the fake then sends the signed notify). The mini-program build
// uses confirm.weapp.ts instead.
import type { PaymentOrder, WechatPayParams } from '../../../graphql/billing-types'

export type ConfirmOutcome = 'confirmed' | 'cancelled'

/** Whether this build can pay at all: on the web only against the demo's fake WeChat Pay. */
export async function canPayHere(): Promise<boolean> {
  try {
    const res = await fetch('/dev/wechatpay', { headers: { accept: 'application/json' } })
    if (res.status !== 200) return false
    const body = (await res.json()) as { fake?: unknown }
    return body.fake === true
  } catch {
    return false
  }
}

export async function confirmPayment(order: PaymentOrder, _params: WechatPayParams): Promise<ConfirmOutcome> {
  const res = await fetch('/dev/wechatpay/pay', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ outTradeNo: order.outTradeNo }),
  })
  if (!res.ok) throw new Error(`/dev/wechatpay/pay answered ${res.status}`)
  return 'confirmed'
}
