import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { ErrorBanner } from '../../../components/ErrorBanner'
import { EstatePicker } from '../../../components/EstatePicker'
import { Loading } from '../../../components/Loading'
import { Page } from '../../../components/Page'
import type { EstateRef } from '../../../graphql/types'
import { t } from '../../../i18n'
import { useReportEstates } from './useReportEstates'

/** The frame of a report page: the estate to report on, then `children(estate)`. */
export function ReportPage({ className, children }: { className: string; children: (estate: EstateRef) => ReactNode }) {
  const { estates, estate, choose, error } = useReportEstates()
  return (
    <Page className={`report-page ${className}`}>
      <ErrorBanner error={error} id='report-error' />
      {!estates ? (
        error ? null : <Loading />
      ) : !estate ? (
        <View className='card muted' id='report-no-estate'>{t('report.noEstate')}</View>
      ) : (
        <>
          <View className='card'>
            <EstatePicker estates={estates} value={estate} onChange={choose} />
          </View>
          {children(estate)}
        </>
      )}
    </Page>
  )
}
