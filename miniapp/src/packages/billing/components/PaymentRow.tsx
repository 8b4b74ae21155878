import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Payment } from '../../../graphql/billing-types'
import { t } from '../../../i18n'
import { ROUTES } from '../../../routes'
import { formatFen } from '../../../utils/money'
import { formatDateTime } from '../../../utils/period'

/** One payment of 缴费记录; opens its 收据. */
export function PaymentRow({ payment, roomId }: { payment: Payment; roomId: string }) {
  const reversal = payment.amountFen < 0
  return (
    <View
      className={`payment-row ${payment.reversed ? 'payment-row--reversed' : ''}`}
      data-payment-id={payment.id}
      data-receipt-no={payment.receiptNo}
      onClick={() => Taro.navigateTo({ url: `${ROUTES.receipt}?id=${payment.id}&roomId=${roomId}` })}
    >
      <View className='payment-row__head'>
        <Text className='payment-row__no'>{payment.receiptNo}</Text>
        <Text className={`payment-row__amount ${reversal ? 'payment-row__amount--negative' : ''}`}>{formatFen(payment.amountFen)}</Text>
      </View>
      <View className='payment-row__meta'>
        <Text className='tag payment-row__method'>{t(`method.${payment.method}`)}</Text>
        {payment.reversed ? <Text className='tag tag--red payment-row__reversed'>{t('payments.reversed')}</Text> : null}
        {reversal ? <Text className='tag tag--red payment-row__reversal'>{t('payments.reversal')}</Text> : null}
        {payment.prepaidFen > 0 ? <Text className='muted'>{t('payments.prepaidPart', { amount: formatFen(payment.prepaidFen) })}</Text> : null}
        <Text className='muted payment-row__time'>{formatDateTime(payment.paidAt)}</Text>
        <Text className='payment-row__chevron'>›</Text>
      </View>
    </View>
  )
}
