import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { BillLine } from '../graphql/billing-types'
import { t } from '../i18n'
import { lineStatus } from '../utils/bills'
import { formatFen } from '../utils/money'
import { Checkbox } from './Checkbox'

const STATUS_TAG = { PAID: 'tag--green', PARTIAL: 'tag--orange', OPEN: 'tag--blue' } as const

/**
 * One receivable line 应收: item, what is still owed, due date, 滞纳金 so far and the formula
 * sentence. With `onToggle` the row is a checkbox (choose lines to pay); `children` go under it.
 */
export function BillLineRow({ line, checked, onToggle, showStatus, children }: {
  line: BillLine
  checked?: boolean
  onToggle?: () => void
  showStatus?: boolean
  children?: ReactNode
}) {
  const status = lineStatus(line)
  const settled = line.paidFen > 0 || line.reducedFen > 0
  return (
    <View
      className={`bill-line ${onToggle ? 'bill-line--selectable' : ''} ${checked ? 'bill-line--checked' : ''}`}
      data-line-id={line.id}
      data-period={line.period}
    >
      <View className='bill-line__main' onClick={onToggle}>
        {onToggle ? <Checkbox checked={!!checked} className='bill-line__check' /> : null}
        <View className='bill-line__body'>
          <View className='bill-line__head'>
            <Text className='bill-line__item'>{line.itemName}</Text>
            <Text className='bill-line__outstanding'>{formatFen(status === 'PAID' ? line.amountFen : line.outstandingFen)}</Text>
          </View>
          <View className='bill-line__meta'>
            <Text className='bill-line__due'>{t('line.due', { date: line.dueDate })}</Text>
            {settled ? <Text className='bill-line__amount'>{t('line.amount', { amount: formatFen(line.amountFen) })}</Text> : null}
            {line.paidFen > 0 ? <Text className='bill-line__paid'>{t('line.paid', { amount: formatFen(line.paidFen) })}</Text> : null}
            {line.reducedFen > 0 ? <Text className='bill-line__reduced'>{t('line.reduced', { amount: formatFen(line.reducedFen) })}</Text> : null}
            {showStatus ? <Text className={`tag ${STATUS_TAG[status]} bill-line__status`}>{t(`line.status.${status}`)}</Text> : null}
          </View>
          {line.lateFeeFen > 0 ? (
            <Text className='bill-line__late-fee'>{t('line.lateFee', { amount: formatFen(line.lateFeeFen) })}</Text>
          ) : null}
          <Text className='bill-line__explanation'>{line.explanation}</Text>
        </View>
      </View>
      {children}
    </View>
  )
}
