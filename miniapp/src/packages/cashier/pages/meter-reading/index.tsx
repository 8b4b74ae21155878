import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { Btn } from '../../../../components/Btn'
import { ErrorBanner } from '../../../../components/ErrorBanner'
import { Page } from '../../../../components/Page'
import { PeriodStepper } from '../../../../components/PeriodStepper'
import { RecordMeterReadingsMutation, appError, mutate, useAction, type AppError } from '../../../../graphql'
import type { ReadingInput } from '../../../../graphql/billing-types'
import { t } from '../../../../i18n'
import { currentPeriod, shiftPeriod } from '../../../../utils/period'
import { ReadingRow, type ReadingDraft } from '../../components/ReadingRow'
import '../../cashier.css'

let nextKey = 1
const blank = (): ReadingDraft => ({ key: nextKey++, meterId: '', reading: '', replaced: false, oldMeterFinal: '', newMeterBase: '' })

function toInput(d: ReadingDraft, period: string): ReadingInput {
  const input: ReadingInput = { meterId: d.meterId.trim(), period, reading: d.reading.trim() }
  if (d.replaced) Object.assign(input, { oldMeterFinal: d.oldMeterFinal.trim(), newMeterBase: d.newMeterBase.trim() })
  return input
}

type TextField = 'meterId' | 'reading' | 'oldMeterFinal' | 'newMeterBase'
const FIELDS: TextField[] = ['meterId', 'reading']
const REPLACED_FIELDS: TextField[] = [...FIELDS, 'oldMeterFinal', 'newMeterBase']

/** Empty fields, flagged as the server flags its own: `readings.<i>.<field>`. */
function missing(drafts: ReadingDraft[]): AppError | null {
  const problems = drafts.flatMap((d, i) =>
    (d.replaced ? REPLACED_FIELDS : FIELDS)
      .filter((f) => !d[f].trim())
      .map((f) => ({ field: f, path: `readings.${i}.${f}`, message: t('error.required') })),
  )
  return problems.length ? appError('BAD_USER_INPUT', problems[0].message, problems) : null
}

/** 抄表录入: this period's readings, meter by meter; all are saved or none. */
export default function MeterReadingPage() {
  // readings are usually entered for the month that just ended
  const [period, setPeriod] = useState(shiftPeriod(currentPeriod(), -1))
  const [drafts, setDrafts] = useState<ReadingDraft[]>([blank()])
  const [saved, setSaved] = useState<string | null>(null)
  const submit = useAction(async () => {
    setSaved(null)
    const problem = missing(drafts)
    if (problem) throw problem
    const { recordMeterReadings } = await mutate<{ recordMeterReadings: unknown[] }>(RecordMeterReadingsMutation, {
      readings: drafts.map((d) => toInput(d, period)),
    })
    setSaved(t('readings.saved', { count: recordMeterReadings.length, period }))
    setDrafts([blank()])
  })
  const error = submit.error
  const errorOf = (i: number) => (field: string) => error?.fieldErrors.find((f) => f.path === `readings.${i}.${field}`)?.message
  const shownOnRows = !!error?.fieldErrors.length && error.fieldErrors.every((f) => /^readings\.\d+\./.test(f.path) && !f.path.endsWith('.period'))

  return (
    <Page className='cashier-page readings-page'>
      <View className='card'>
        <Text className='muted card__hint'>{t('readings.hint')}</Text>
        <PeriodStepper id='readings-period' value={period} onChange={setPeriod} />
      </View>
      {saved ? <View className='success' id='readings-done'>{saved}</View> : null}
      <ErrorBanner error={shownOnRows ? null : error} id='readings-error' />
      <View className='card' id='reading-rows'>
        {drafts.map((d, i) => (
          <ReadingRow
            key={d.key}
            index={i}
            draft={d}
            errorOf={errorOf(i)}
            onChange={(next) => setDrafts(drafts.map((x) => (x.key === d.key ? next : x)))}
            onRemove={drafts.length > 1 ? () => setDrafts(drafts.filter((x) => x.key !== d.key)) : undefined}
          />
        ))}
        <Btn id='readings-add' className='btn--ghost btn--small btn--block' onClick={() => setDrafts([...drafts, blank()])}>
          {t('readings.add')}
        </Btn>
      </View>
      <Btn id='readings-submit' className='btn--block' disabled={submit.busy} onClick={() => submit.run()}>
        {t('readings.submit', { count: drafts.length })}
      </Btn>
    </Page>
  )
}
