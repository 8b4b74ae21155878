import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { Btn } from '../../../../components/Btn'
import { ErrorBanner } from '../../../../components/ErrorBanner'
import { PeriodStepper } from '../../../../components/PeriodStepper'
import { bannerError, fieldError } from '../../../../graphql'
import type { EstateRef } from '../../../../graphql/types'
import { t } from '../../../../i18n'
import { currentPeriod, shiftPeriod } from '../../../../utils/period'
import { BillRunProgress } from '../../components/BillRunProgress'
import { StaffPage } from '../../components/StaffPage'
import { useBillRun } from '../../components/useBillRun'
import '../../cashier.css'

function BillRunForm({ estate }: { estate: EstateRef }) {
  const [period, setPeriod] = useState(shiftPeriod(currentPeriod(), -1))
  const { run, start, busy, error } = useBillRun()
  return (
    <>
      <View className='card'>
        <Text className='muted card__hint'>{t('billRun.hint')}</Text>
        <PeriodStepper id='billrun-period' value={period} onChange={setPeriod} />
        {fieldError(error, 'period') ? <Text className='field__error'>{fieldError(error, 'period')}</Text> : null}
        <ErrorBanner error={bannerError(error, ['period'])} id='billrun-start-error' />
        <Btn id='billrun-start' className='btn--block' disabled={busy} onClick={() => start(estate.id, period)}>
          {t('billRun.start', { period })}
        </Btn>
      </View>
      {run ? <BillRunProgress run={run} /> : null}
    </>
  )
}

/** 生成账单: pick estate and 账期, start the run, watch it finish. */
export default function BillRunPage() {
  return <StaffPage className='bill-run-page'>{({ estate }) => <BillRunForm key={estate.id} estate={estate} />}</StaffPage>
}
