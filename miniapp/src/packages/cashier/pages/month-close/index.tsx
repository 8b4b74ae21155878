import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { Btn } from '../../../../components/Btn'
import { ErrorBanner } from '../../../../components/ErrorBanner'
import { PeriodStepper } from '../../../../components/PeriodStepper'
import { ClosePeriodMutation, mutate, useAction } from '../../../../graphql'
import type { EstateRef } from '../../../../graphql/types'
import { t } from '../../../../i18n'
import { currentPeriod, shiftPeriod } from '../../../../utils/period'
import { StaffPage } from '../../components/StaffPage'
import '../../cashier.css'

function CloseForm({ estate }: { estate: EstateRef }) {
  // only finished months can be closed
  const lastFinished = shiftPeriod(currentPeriod(), -1)
  const [period, setPeriod] = useState(lastFinished)
  const [confirming, setConfirming] = useState(false)
  const [closed, setClosed] = useState<string[]>([])
  const close = useAction(async () => {
    const { closePeriod } = await mutate<{ closePeriod: { period: string } }>(ClosePeriodMutation, { estateId: estate.id, period })
    setClosed((list) => [closePeriod.period, ...list])
    setConfirming(false)
  })
  return (
    <View className='card close-form'>
      <Text className='muted card__hint'>{t('close.hint')}</Text>
      <PeriodStepper id='close-period' value={period} onChange={(p) => { setPeriod(p); setConfirming(false) }} max={lastFinished} />
      {closed.map((p) => (
        <View key={p} className='success close-done' id={`close-done-${p}`}>{t('close.done', { period: p })}</View>
      ))}
      <ErrorBanner error={close.error} id='close-error' />
      {confirming ? (
        <View className='confirm-box' id='close-confirm-box'>
          <Text className='confirm-box__question'>{t('close.confirm', { estate: estate.name, period })}</Text>
          <View className='btn-row'>
            <Btn id='close-confirm' className='btn--small btn--danger' disabled={close.busy} onClick={() => close.run()}>
              {t('common.confirm')}
            </Btn>
            <Btn id='close-cancel' className='btn--small btn--plain' onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Btn>
          </View>
        </View>
      ) : (
        <Btn id='close-submit' className='btn--block' onClick={() => setConfirming(true)}>
          {t('close.submit', { period })}
        </Btn>
      )}
    </View>
  )
}

/** 月结: lock a finished month of the estate. */
export default function MonthClosePage() {
  return <StaffPage className='month-close-page'>{({ estate }) => <CloseForm key={estate.id} estate={estate} />}</StaffPage>
}
