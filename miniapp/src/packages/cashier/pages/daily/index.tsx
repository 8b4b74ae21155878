import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { ErrorBanner } from '../../../../components/ErrorBanner'
import { Loading } from '../../../../components/Loading'
import { DailyPaymentsQuery, useQuery } from '../../../../graphql'
import type { DailyPaymentsData, Payment } from '../../../../graphql/billing-types'
import type { EstateRef } from '../../../../graphql/types'
import { t } from '../../../../i18n'
import { ROUTES } from '../../../../routes'
import { formatFen } from '../../../../utils/money'
import { currentDate } from '../../../../utils/period'
import { DailyPaymentRow } from '../../components/DailyPaymentRow'
import { DateStepper } from '../../components/DateStepper'
import { StaffPage } from '../../components/StaffPage'
import '../../cashier.css'

function DailyReport({ estate }: { estate: EstateRef }) {
  const today = currentDate()
  const [date, setDate] = useState(today)
  const { data, error, refetch } = useQuery<DailyPaymentsData>(DailyPaymentsQuery, { estateId: estate.id, date })
  // the previous day's figures stay in `data` until the new ones arrive: show only the chosen day's
  const daily = data?.dailyPayments.date === date ? data.dailyPayments : null

  usePullDownRefresh(() => {
    refetch().finally(() => Taro.stopPullDownRefresh())
  })

  const open = (payment: Payment) => Taro.navigateTo({ url: `${ROUTES.receipt}?id=${payment.id}&roomId=${payment.roomId}` })

  return (
    <>
      <View className='card daily-summary' id='daily-summary'>
        <DateStepper id='daily-date' value={date} onChange={setDate} max={today} />
        {!daily ? (
          error ? <ErrorBanner error={error} id='daily-error' /> : <Loading />
        ) : (
          <>
            <View className='daily-total-row'>
              <Text className='daily-total-row__label'>{t('daily.total')}</Text>
              <Text className='daily-total' id='daily-total'>{formatFen(daily.totalFen)}</Text>
            </View>
            <Text className='muted daily-count' id='daily-count'>{t('daily.count', { count: daily.count })}</Text>
            {daily.byMethod.length ? (
              <View className='daily-methods' id='daily-methods'>
                {daily.byMethod.map((m) => (
                  <View key={m.method} className='daily-method' id={`daily-method-${m.method}`} data-method={m.method}>
                    <Text className='daily-method__name'>{t(`method.${m.method}`)}</Text>
                    <Text className='muted daily-method__count'>{t('daily.methodCount', { count: m.count })}</Text>
                    <Text className='daily-method__total'>{formatFen(m.totalFen)}</Text>
                  </View>
                ))}
              </View>
            ) : null}
          </>
        )}
      </View>
      {daily ? (
        <View className='card daily-list' id='daily-payments'>
          <Text className='card__title'>{t('daily.receipts')}</Text>
          <ErrorBanner error={error} />
          {daily.payments.length === 0 ? (
            <View className='muted' id='daily-empty'>{t('daily.empty')}</View>
          ) : (
            <>
              <Text className='muted card__hint'>{t('daily.hint')}</Text>
              {daily.payments.map((p) => (
                <DailyPaymentRow key={p.id} payment={p} onOpen={() => open(p)} />
              ))}
            </>
          )}
        </View>
      ) : null}
    </>
  )
}

/** 当日收款: one day's receipts of the estate (today in Shanghai by default), totals by method. */
export default function DailyPaymentsPage() {
  return <StaffPage className='daily-page'>{({ estate }) => <DailyReport key={estate.id} estate={estate} />}</StaffPage>
}
