import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { Btn } from '../../../components/Btn'
import { Checkbox } from '../../../components/Checkbox'
import { t } from '../../../i18n'
import { formatFen } from '../../../utils/money'
import type { PayStage } from '../pay/usePayment'

const STAGE_TEXT = { creating: 'pay.creating', paying: 'pay.paying', confirming: 'pay.confirming' } as const

/** The bottom bar of 我的账单: select all, what is chosen, and 缴费 with the total; `message` above them. */
export function PayBar({ count, allChosen, totalFen, lateFeeFen, canPay, stage, message, onToggleAll, onPay }: {
  count: number
  allChosen: boolean
  /** principal plus 滞纳金 of the chosen lines: what the order will charge */
  totalFen: number
  /** the 滞纳金 part of the total */
  lateFeeFen: number
  canPay: boolean
  stage: PayStage
  /** how the last attempt ended (an error, 请在微信小程序中支付 …) */
  message?: ReactNode
  onToggleAll: () => void
  onPay: () => void
}) {
  const busy = stage !== 'idle'
  return (
    <View className='pay-bar' id='pay-bar'>
      {busy ? <Text className='pay-bar__stage' id='pay-status'>{t(STAGE_TEXT[stage])}</Text> : message}
      <View className='pay-bar__row'>
        <View className='pay-bar__all' id='bills-select-all' onClick={onToggleAll}>
          <Checkbox checked={allChosen} />
          <Text>{t('bills.selectAll')}</Text>
        </View>
        <View className='pay-bar__sum'>
          <Text className='muted' id='bills-selected'>
            {t('bills.selected', { count })}
            {lateFeeFen > 0 ? <Text id='bills-late-fee'>{t('bills.includesLateFee', { amount: formatFen(lateFeeFen) })}</Text> : null}
          </Text>
          <Text className='pay-bar__total'>
            {t('bills.total')} <Text id='bills-total'>{formatFen(totalFen)}</Text>
          </Text>
        </View>
        {canPay ? (
          <Btn id='bills-pay' className='pay-bar__btn' disabled={busy || count === 0} onClick={onPay}>
            {t('bills.pay', { amount: formatFen(totalFen) })}
          </Btn>
        ) : null}
      </View>
    </View>
  )
}
