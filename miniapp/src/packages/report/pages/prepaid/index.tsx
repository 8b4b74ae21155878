import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Btn } from '../../../../components/Btn'
import { ErrorBanner } from '../../../../components/ErrorBanner'
import { Loading } from '../../../../components/Loading'
import type { EstateRef } from '../../../../graphql/types'
import { t } from '../../../../i18n'
import { formatFen } from '../../../../utils/money'
import { ExportButton } from '../../components/ExportButton'
import { ReportPage } from '../../components/ReportPage'
import { usePrepaidBalances } from '../../components/usePrepaidBalances'
import '../../report.css'

function PrepaidReport({ estate }: { estate: EstateRef }) {
  const { rows, totals, error, busy, hasMore, more, reload } = usePrepaidBalances(estate.id)

  usePullDownRefresh(() => {
    reload().finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <>
      <View className='card report-summary' id='prepaid-summary'>
        {!totals ? (
          error ? <ErrorBanner error={error} id='prepaid-error' /> : <Loading />
        ) : (
          <>
            <View className='report-total-row'>
              <Text className='report-total-row__label'>{t('report.prepaidTotal')}</Text>
              <Text className='report-total' id='prepaid-total'>{formatFen(totals.totalFen)}</Text>
            </View>
            <Text className='muted report-count' id='prepaid-rooms'>{t('report.prepaidRooms', { count: totals.roomCount })}</Text>
            <ExportButton id='prepaid-export' kind='PREPAID_BALANCES' estateId={estate.id} />
          </>
        )}
      </View>
      {rows && totals ? (
        <View className='card prepaid-list' id='prepaid-list'>
          {rows.length === 0 ? (
            <View className='muted' id='prepaid-empty'>{t('report.prepaidEmpty')}</View>
          ) : (
            <>
              <View className='prepaid-row prepaid-row--head'>
                <Text className='prepaid-row__building'>{t('report.building')}</Text>
                <Text className='prepaid-row__room'>{t('report.room')}</Text>
                <Text className='prepaid-row__balance'>{t('report.balance')}</Text>
              </View>
              {rows.map((r) => (
                <View key={r.roomId} className='prepaid-row' id={`prepaid-row-${r.roomCode}`} data-room-id={r.roomId} data-room-code={r.roomCode}>
                  <Text className='prepaid-row__building'>{r.buildingCode}</Text>
                  <Text className='prepaid-row__room'>{r.roomCode}</Text>
                  <Text className='prepaid-row__balance'>{formatFen(r.balanceFen)}</Text>
                </View>
              ))}
              <Text className='muted prepaid-shown' id='prepaid-shown'>{t('report.prepaidShown', { shown: rows.length, count: totals.roomCount })}</Text>
            </>
          )}
          {rows.length ? <ErrorBanner error={error} id='prepaid-more-error' /> : null}
          {hasMore ? (
            <Btn id='prepaid-more' className='btn--plain btn--block load-more' disabled={busy} onClick={() => more()}>
              {t('common.loadMore')}
            </Btn>
          ) : null}
        </View>
      ) : null}
    </>
  )
}

/** 预收款余额: the rooms holding a prepaid balance, by room code, with the estate's total. */
export default function PrepaidReportPage() {
  return <ReportPage className='prepaid-page'>{(estate) => <PrepaidReport key={estate.id} estate={estate} />}</ReportPage>
}
