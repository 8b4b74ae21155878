import { ScrollView, Text, View } from '@tarojs/components'
import { t } from '../../../i18n'

export interface Column<R> {
  /** the cell's class: `report-cell--<key>` */
  key: string
  title: string
  cell: (row: R) => string
  /** a text column (left-aligned); figures are right-aligned */
  text?: boolean
}

/**
 * A report table that scrolls sideways on a phone (its first column stays put on the web):
 * rows `.report-row` (`data-code`), the 合计 row `.report-row--total`, cells `.report-cell--<key>`.
 */
export function ReportTable<R extends { code: string }>({ id, title, columns, rows, total }: {
  id: string
  title: string
  columns: Column<R>[]
  rows: R[]
  total?: R
}) {
  const row = (r: R, isTotal: boolean) => (
    <View
      key={isTotal ? '__total' : r.code}
      className={`report-row ${isTotal ? 'report-row--total' : ''}`}
      id={isTotal ? `${id}-total` : `${id}-${r.code}`}
      data-code={isTotal ? undefined : r.code}
    >
      {columns.map((c) => (
        <Text key={c.key} className={`report-cell report-cell--${c.key} ${c.text ? 'report-cell--text' : ''}`}>{c.cell(r)}</Text>
      ))}
    </View>
  )
  return (
    <View className='card report-table-card' id={id}>
      <View className='report-table-card__head'>
        <Text className='card__title'>{title}</Text>
        <Text className='muted report-table-card__hint'>{t('report.scrollHint')}</Text>
      </View>
      <ScrollView scrollX className='report-table-scroll'>
        <View className='report-table'>
          <View className='report-row report-row--head'>
            {columns.map((c) => (
              <Text key={c.key} className={`report-cell report-cell--${c.key} ${c.text ? 'report-cell--text' : ''}`}>{c.title}</Text>
            ))}
          </View>
          {rows.map((r) => row(r, false))}
          {total ? row(total, true) : null}
        </View>
      </ScrollView>
    </View>
  )
}
