// The mini-program: WeChat's own payment sheet with the parameters the gateway signed.
import Taro from '@tarojs/taro'
import type { PaymentOrder, WechatPayParams } from '../../../graphql/billing-types'

export type ConfirmOutcome = 'confirmed' | 'cancelled'

export async function canPayHere(): Promise<boolean> {
  return true
}

export async function confirmPayment(_order: PaymentOrder, params: WechatPayParams): Promise<ConfirmOutcome> {
  try {
    await Taro.requestPayment({
      timeStamp: params.timeStamp,
      nonceStr: params.nonceStr,
      package: params.package,
      signType: params.signType as keyof Taro.requestPayment.SignType,
      paySign: params.paySign,
    })
    return 'confirmed'
  } catch (e) {
    // the user closed the sheet: errMsg "requestPayment:fail cancel"
    if (/cancel/.test(String((e as { errMsg?: string })?.errMsg ?? ''))) return 'cancelled'
    throw e
  }
}
