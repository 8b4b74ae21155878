import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { ErrorBanner } from '../../../../components/ErrorBanner'
import { Loading } from '../../../../components/Loading'
import { PeriodStepper } from '../../../../components/PeriodStepper'
import { MonthlyCollectionQuery, useQuery } from '../../../../graphql'
import type { CollectionFigures, CollectionRow, MonthlyCollectionData } from '../../../../graphql/report-types'
import type { EstateRef } from '../../../../graphql/types'
import { t, type MessageKey } from '../../../../i18n'
import { formatFen } from '../../../../utils/money'
import { currentPeriod, shiftPeriod } from '../../../../utils/period'
import { ExportButton } from '../../components/ExportButton'
import { ReportPage } from '../../components/ReportPage'
import { ReportTable, type Column } from '../../components/ReportTable'
import '../../report.css'

const FIGURES: { key: string; label: MessageKey; fen: (f: CollectionFigures) => number }[] = [
  { key: 'receivable', label: 'report.receivable', fen: (f) => f.receivableFen },
  { key: 'received', label: 'report.received', fen: (f) => f.receivedFen },
  { key: 'reduced', label: 'report.reduced', fen: (f) => f.reducedFen },
  { key: 'outstanding', label: 'report.outstanding', fen: (f) => f.outstandingFen },
]

const figureColumn = (key: string): Column<CollectionRow> => {
  const f = FIGURES.find((x) => x.key === key)!
  return { key: f.key, title: t(f.label), cell: (r) => formatFen(f.fen(r)) }
}

/** 应收, 实收 and 收缴率 first: what a phone shows before the table is scrolled sideways */
function columns(nameTitle: string): Column<CollectionRow>[] {
  return [
    { key: 'name', title: nameTitle, cell: (r) => r.name, text: true },
    figureColumn('receivable'),
    figureColumn('received'),
    { key: 'rate', title: t('report.rate'), cell: (r) => r.collectionRate },
    figureColumn('outstanding'),
    figureColumn('reduced'),
  ]
}

/** 收缴率 large, with a bar, then 应收 / 实收 / 减免 / 欠费. */
function Totals({ total }: { total: CollectionFigures }) {
  const bp = total.collectionRateBp
  return (
    <View className='collection-totals' id='collection-total'>
      <View className='collection-rate'>
        <Text className='collection-rate__label'>{t('report.rate')}</Text>
        <Text className='collection-rate__value' id='collection-rate' data-bp={bp ?? ''}>{total.collectionRate}</Text>
      </View>
      <View className='rate-bar'>
        <View className='rate-bar__fill' style={{ width: `${bp === null ? 0 : bp / 100}%` }} />
      </View>
      {bp === null ? <Text className='muted collection-rate__none'>{t('report.rateNone')}</Text> : null}
      <View className='figures'>
        {FIGURES.map((f) => (
          <View key={f.key} className={`figure figure--${f.key} ${f.fen(total) === 0 ? 'figure--zero' : ''}`}>
            <Text className='figure__label'>{t(f.label)}</Text>
            <Text className='figure__value' id={`collection-${f.key}`}>{formatFen(f.fen(total))}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}

function CollectionReport({ estate }: { estate: EstateRef }) {
  const thisMonth = currentPeriod()
  // the last month by default: this month's bills may not be out yet
  const [period, setPeriod] = useState(shiftPeriod(thisMonth, -1))
  const { data, error, refetch } = useQuery<MonthlyCollectionData>(MonthlyCollectionQuery, { estateId: estate.id, period })
  // the previous month's figures stay in `data` until the new ones arrive: show only the chosen month's
  const report = data?.monthlyCollection.period === period ? data.monthlyCollection : null

  usePullDownRefresh(() => {
    refetch().finally(() => Taro.stopPullDownRefresh())
  })

  const total = report ? { id: 'total', code: '', name: t('report.total'), ...report.total } : undefined
  return (
    <>
      <View className='card report-summary' id='collection-summary' data-period={report?.period}>
        <PeriodStepper id='collection-period' value={period} onChange={setPeriod} max={thisMonth} />
        {!report ? (
          error ? <ErrorBanner error={error} id='collection-error' /> : <Loading />
        ) : (
          <>
            <ErrorBanner error={error} />
            <Totals total={report.total} />
            <Text className='muted card__hint report-hint'>{t('report.collectionHint')}</Text>
            <ExportButton id='collection-export' kind='MONTHLY_COLLECTION' estateId={estate.id} period={report.period} />
          </>
        )}
      </View>
      {report && total ? (
        report.byItem.length === 0 ? (
          <View className='card muted' id='collection-empty'>{t('report.collectionEmpty')}</View>
        ) : (
          <>
            <ReportTable id='collection-by-item' title={t('report.byItem')} columns={columns(t('report.item'))} rows={report.byItem} total={total} />
            <ReportTable id='collection-by-building' title={t('report.byBuilding')} columns={columns(t('report.building'))} rows={report.byBuilding} total={total} />
          </>
        )
      ) : null}
    </>
  )
}

/** 收费情况月统计: one period's receivables, what came in and 收缴率, by item and by building. */
export default function CollectionReportPage() {
  return <ReportPage className='collection-page'>{(estate) => <CollectionReport key={estate.id} estate={estate} />}</ReportPage>
}
