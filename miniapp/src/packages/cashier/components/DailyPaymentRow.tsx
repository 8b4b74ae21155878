import { Text, View } from '@tarojs/components'
import type { Payment } from '../../../graphql/billing-types'
import { t } from '../../../i18n'
import { formatFen } from '../../../utils/money'
import { formatTime } from '../../../utils/period'

/** One receipt of 当日收款: number, room, method, time, amount (a reversal is negative). */
export function DailyPaymentRow({ payment, onOpen }: { payment: Payment; onOpen: () => void }) {
  const reversal = payment.amountFen < 0
  return (
    <View
      className={`daily-payment ${payment.reversed ? 'daily-payment--reversed' : ''}`}
      id={`daily-payment-${payment.receiptNo}`}
      data-payment-id={payment.id}
      data-receipt-no={payment.receiptNo}
      onClick={onOpen}
    >
      <View className='daily-payment__head'>
        <Text className='daily-payment__no'>{payment.receiptNo}</Text>
        <Text className={`daily-payment__amount ${reversal ? 'daily-payment__amount--negative' : ''}`}>{formatFen(payment.amountFen)}</Text>
      </View>
      <View className='daily-payment__meta'>
        <Text className='daily-payment__room'>{payment.roomCode ?? t('common.none')}</Text>
        <Text className='tag daily-payment__method'>{t(`method.${payment.method}`)}</Text>
        {payment.reversed ? <Text className='tag tag--red daily-payment__reversed'>{t('payments.reversed')}</Text> : null}
        {reversal ? <Text className='tag tag--red daily-payment__reversal'>{t('payments.reversal')}</Text> : null}
        <Text className='muted daily-payment__time'>{formatTime(payment.paidAt)}</Text>
        <Text className='daily-payment__chevron'>›</Text>
      </View>
    </View>
  )
}
