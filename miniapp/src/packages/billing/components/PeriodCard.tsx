import { Text, View } from '@tarojs/components'
import { BillLineRow } from '../../../components/BillLineRow'
import type { PeriodGroup } from '../../../utils/bills'
import { t } from '../../../i18n'
import { formatFen, sumFen } from '../../../utils/money'

/** The open lines of one 账期, each a checkbox. */
export function PeriodCard({ group, selected, onToggle }: {
  group: PeriodGroup
  selected: ReadonlySet<string>
  onToggle: (lineId: string) => void
}) {
  const subtotal = sumFen(group.lines.map((l) => l.outstandingFen))
  return (
    <View className='card bill-period' data-period={group.period} id={`period-${group.period}`}>
      <View className='bill-period__head'>
        <Text className='bill-period__title'>{t('bills.periodTitle', { period: group.period })}</Text>
        <Text className='muted bill-period__subtotal'>{t('bills.periodSubtotal', { amount: formatFen(subtotal) })}</Text>
      </View>
      {group.lines.map((line) => (
        <BillLineRow key={line.id} line={line} checked={selected.has(line.id)} onToggle={() => onToggle(line.id)} />
      ))}
    </View>
  )
}
