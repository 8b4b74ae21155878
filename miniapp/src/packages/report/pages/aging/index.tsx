import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { ErrorBanner } from '../../../../components/ErrorBanner'
import { Loading } from '../../../../components/Loading'
import { ArrearsAgingQuery, useQuery } from '../../../../graphql'
import { AGING_BUCKETS, type AgingBucket, type AgingFigures, type AgingRow, type ArrearsAgingData } from '../../../../graphql/report-types'
import type { EstateRef } from '../../../../graphql/types'
import { t, type MessageKey } from '../../../../i18n'
import { formatFen } from '../../../../utils/money'
import { ExportButton } from '../../components/ExportButton'
import { ReportPage } from '../../components/ReportPage'
import { ReportTable, type Column } from '../../components/ReportTable'
import '../../report.css'

/** upTo30Fen → upTo30: the bucket's name in ids and classes */
const slug = (bucket: AgingBucket) => bucket.replace(/Fen$/, '')
const bucketName = (bucket: AgingBucket) => t(`report.bucket.${bucket}` as MessageKey)

// 合计 first: what a phone shows before the table is scrolled sideways
const COLUMNS: Column<AgingRow>[] = [
  { key: 'name', title: t('report.building'), cell: (r) => r.name, text: true },
  { key: 'total', title: t('report.total'), cell: (r) => formatFen(r.totalFen) },
  ...AGING_BUCKETS.map((b) => ({ key: slug(b), title: bucketName(b), cell: (r: AgingRow) => formatFen(r[b]) })),
  { key: 'rooms', title: t('report.rooms'), cell: (r) => String(r.roomCount) },
]

/** The total, a bar of the five buckets' shares, and each bucket's amount. */
function Buckets({ total }: { total: AgingFigures }) {
  return (
    <View className='aging-totals'>
      <View className='aging-bar'>
        {AGING_BUCKETS.map((b) =>
          total[b] > 0 ? (
            <View key={b} className={`aging-bar__seg aging-bar__seg--${slug(b)}`} style={{ width: `${(total[b] / total.totalFen) * 100}%` }} />
          ) : null,
        )}
      </View>
      <View className='aging-buckets'>
        {AGING_BUCKETS.map((b) => (
          <View key={b} className='aging-bucket' id={`aging-bucket-${slug(b)}`} data-fen={total[b]}>
            <View className={`aging-bucket__dot aging-bar__seg--${slug(b)}`} />
            <Text className='aging-bucket__name'>{bucketName(b)}</Text>
            <Text className='aging-bucket__amount'>{formatFen(total[b])}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}

function AgingReport({ estate }: { estate: EstateRef }) {
  // as of today (the gateway's default): the ledger's open amounts now
  const { data, error, refetch } = useQuery<ArrearsAgingData>(ArrearsAgingQuery, { estateId: estate.id })
  const report = data?.arrearsAging ?? null

  usePullDownRefresh(() => {
    refetch().finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <>
      <View className='card report-summary' id='aging-summary'>
        {!report ? (
          error ? <ErrorBanner error={error} id='aging-error' /> : <Loading />
        ) : (
          <>
            <ErrorBanner error={error} />
            <Text className='muted aging-asof' id='aging-asof' data-date={report.asOf}>{t('report.asOf', { date: report.asOf })}</Text>
            <View className='report-total-row'>
              <Text className='report-total-row__label'>{t('report.agingTotal')}</Text>
              <Text className='report-total' id='aging-total'>{formatFen(report.total.totalFen)}</Text>
            </View>
            <Text className='muted report-count' id='aging-rooms'>{t('report.agingRooms', { count: report.total.roomCount })}</Text>
            <Buckets total={report.total} />
            <Text className='muted card__hint report-hint'>{t('report.agingHint')}</Text>
            <ExportButton id='aging-export' kind='ARREARS_AGING' estateId={estate.id} />
          </>
        )}
      </View>
      {report ? (
        report.total.totalFen === 0 ? (
          <View className='card muted' id='aging-empty'>{t('report.agingEmpty')}</View>
        ) : (
          <ReportTable
            id='aging-by-building'
            title={t('report.byBuilding')}
            columns={COLUMNS}
            rows={report.byBuilding}
            total={{ id: 'total', code: '', name: t('report.total'), ...report.total }}
          />
        )
      ) : null}
    </>
  )
}

/** 欠费账龄分析: what is overdue today, by building, in five bands of days overdue. */
export default function AgingReportPage() {
  return <ReportPage className='aging-page'>{(estate) => <AgingReport key={estate.id} estate={estate} />}</ReportPage>
}
