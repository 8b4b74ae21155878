import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { ErrorBanner } from '../../../components/ErrorBanner'
import { Loading } from '../../../components/Loading'
import { Page } from '../../../components/Page'
import type { EstateRef } from '../../../graphql/types'
import { t } from '../../../i18n'
import { EstatePicker } from '../../../components/EstatePicker'
import { useStaffEstates } from './useStaffEstates'

export interface StaffContext { estate: EstateRef; isApprover: boolean }

/** The frame of a cashier page: the estate to work in, then `children({ estate, isApprover })`. */
export function StaffPage({ className, children }: { className: string; children: (ctx: StaffContext) => ReactNode }) {
  const { estates, estate, choose, isApprover, error } = useStaffEstates()
  return (
    <Page className={`cashier-page ${className}`}>
      <ErrorBanner error={error} id='staff-error' />
      {!estates ? (
        error ? null : <Loading />
      ) : !estate ? (
        <View className='card muted' id='staff-no-estate'>{t('staff.noEstate')}</View>
      ) : (
        <>
          <View className='card'>
            <EstatePicker estates={estates} value={estate} onChange={choose} />
          </View>
          {children({ estate, isApprover })}
        </>
      )}
    </Page>
  )
}
