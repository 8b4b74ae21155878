import { Text, View } from '@tarojs/components'
import type { ReceiptData } from '../../../graphql/billing-types'
import { t, type MessageKey } from '../../../i18n'
import { capitalAmount, formatFen } from '../../../utils/money'
import { formatDateTime } from '../../../utils/period'

function Row({ label, value, id, strong }: { label: string; value: string; id: string; strong?: boolean }) {
  return (
    <View className='receipt__row'>
      <Text className='receipt__label'>{label}</Text>
      <Text className={`receipt__value ${strong ? 'receipt__value--strong' : ''}`} id={id}>{value}</Text>
    </View>
  )
}

/** 收款收据: looks like the paper one — estate, number, room, amount in figures and in capitals. */
export function ReceiptCard({ payment, room }: ReceiptData) {
  const reversal = payment.amountFen < 0
  const stamp: MessageKey = reversal ? 'receipt.stampReversal' : payment.reversed ? 'receipt.stampReversed' : 'receipt.stampPaid'
  return (
    <View className={`receipt ${payment.reversed ? 'receipt--reversed' : ''}`} id='receipt' data-payment-id={payment.id}>
      <Text className='receipt__estate' id='receipt-estate'>{t('receipt.estateValue', { estate: room.estate.name })}</Text>
      <Text className='receipt__heading'>{t('receipt.heading')}</Text>
      <View className='receipt__no-line'>
        <Text className='receipt__label'>{t('receipt.no')}</Text>
        <Text className='receipt__no' id='receipt-no'>{payment.receiptNo}</Text>
      </View>
      <View className='receipt__rule' />
      <Row label={t('receipt.room')} value={`${room.building.name} · ${payment.roomCode ?? room.code}`} id='receipt-room' />
      <Row label={t('receipt.amount')} value={formatFen(payment.amountFen)} id='receipt-amount' strong />
      <Row label={t('receipt.capital')} value={t('receipt.capitalValue', { amount: capitalAmount(payment.amountFen) })} id='receipt-capital' />
      {payment.prepaidFen !== 0 ? <Row label={t('receipt.prepaid')} value={formatFen(payment.prepaidFen)} id='receipt-prepaid' /> : null}
      <Row label={t('receipt.method')} value={t(`method.${payment.method}`)} id='receipt-method' />
      <Row label={t('receipt.time')} value={formatDateTime(payment.paidAt)} id='receipt-time' />
      {payment.note ? <Row label={t('receipt.note')} value={payment.note} id='receipt-note' /> : null}
      <View className='receipt__rule' />
      <Text className='receipt__footer'>{t('receipt.footer')}</Text>
      <View className={`receipt__stamp ${reversal || payment.reversed ? 'receipt__stamp--void' : ''}`} id='receipt-stamp'>
        <Text>{t(stamp)}</Text>
      </View>
    </View>
  )
}
