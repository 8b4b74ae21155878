import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { Btn } from '../../../../components/Btn'
import { ErrorBanner } from '../../../../components/ErrorBanner'
import { Loading } from '../../../../components/Loading'
import { PeriodStepper } from '../../../../components/PeriodStepper'
import {
  ImportMeterReadingsMutation,
  MetersQuery,
  RecordMeterReadingsMutation,
  appError,
  mutate,
  useAction,
  useQuery,
  type AppError,
} from '../../../../graphql'
import type { ImportMeterReadingsData, Meter, MetersData, ReadingInput } from '../../../../graphql/billing-types'
import type { EstateRef } from '../../../../graphql/types'
import { t } from '../../../../i18n'
import { pickFile } from '../../../../utils/files'
import { currentPeriod, shiftPeriod } from '../../../../utils/period'
import { MeterPicker } from '../../components/MeterPicker'
import { ReadingRow, type ReadingDraft } from '../../components/ReadingRow'
import { StaffPage } from '../../components/StaffPage'
import '../../cashier.css'

let nextKey = 1
const draftFor = (meter: Meter): ReadingDraft => ({ key: nextKey++, meterId: meter.id, reading: '', replaced: false, oldMeterFinal: '', newMeterBase: '' })

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

/** 导入Excel: the whole sheet or nothing; the server's message names the bad row. */
function ImportReadings({ estate, onImported }: { estate: EstateRef; onImported: () => void }) {
  const [done, setDone] = useState<string | null>(null)
  const importing = useAction(async () => {
    setDone(null)
    const file = await pickFile('xlsx', 'base64')
    if (!file) return
    const { importMeterReadings } = await mutate<ImportMeterReadingsData>(ImportMeterReadingsMutation, {
      estateId: estate.id,
      fileBase64: file.content,
    })
    setDone(t('readings.imported', { file: file.name, count: importMeterReadings.length }))
    onImported()
  })
  return (
    <View className='card readings-import'>
      <Text className='muted card__hint'>{t('readings.importHint')}</Text>
      <Btn id='readings-import' className='btn--ghost btn--block' disabled={importing.busy} onClick={() => importing.run()}>
        {importing.busy ? t('readings.importing') : t('readings.import')}
      </Btn>
      {done ? <View className='success' id='readings-imported'>{done}</View> : null}
      <ErrorBanner error={importing.error} id='readings-import-error' />
    </View>
  )
}

function Readings({ estate }: { estate: EstateRef }) {
  // readings are usually entered for the month that just ended
  const [period, setPeriod] = useState(shiftPeriod(currentPeriod(), -1))
  const [drafts, setDrafts] = useState<ReadingDraft[]>([])
  const [saved, setSaved] = useState<string | null>(null)
  const meters = useQuery<MetersData>(MetersQuery, { estateId: estate.id })
  const byId = new Map((meters.data?.meters ?? []).map((m) => [m.id, m]))

  const submit = useAction(async () => {
    setSaved(null)
    const problem = missing(drafts)
    if (problem) throw problem
    const { recordMeterReadings } = await mutate<{ recordMeterReadings: unknown[] }>(RecordMeterReadingsMutation, {
      readings: drafts.map((d) => toInput(d, period)),
    })
    setSaved(t('readings.saved', { count: recordMeterReadings.length, period }))
    setDrafts([])
    meters.refetch()
  })
  const toggle = (meter: Meter) => {
    setSaved(null)
    setDrafts(drafts.some((d) => d.meterId === meter.id) ? drafts.filter((d) => d.meterId !== meter.id) : [...drafts, draftFor(meter)])
  }
  const error = submit.error
  const errorOf = (i: number) => (field: string) => error?.fieldErrors.find((f) => f.path === `readings.${i}.${field}`)?.message
  const shownOnRows = !!error?.fieldErrors.length && error.fieldErrors.every((f) => /^readings\.\d+\./.test(f.path) && !f.path.endsWith('.period'))

  return (
    <>
      <View className='card'>
        <Text className='muted card__hint'>{t('readings.hint')}</Text>
        <PeriodStepper id='readings-period' value={period} onChange={setPeriod} />
      </View>
      <ImportReadings estate={estate} onImported={() => meters.refetch()} />
      <View className='card' id='meter-picker'>
        <Text className='card__title'>{t('readings.meters')}</Text>
        <Text className='muted card__hint'>{t('readings.metersHint')}</Text>
        {meters.data ? (
          <MeterPicker meters={meters.data.meters} chosen={new Set(drafts.map((d) => d.meterId))} onToggle={toggle} />
        ) : meters.error ? (
          <ErrorBanner error={meters.error} id='meters-error' />
        ) : (
          <Loading />
        )}
      </View>
      {saved ? <View className='success' id='readings-done'>{saved}</View> : null}
      <ErrorBanner error={shownOnRows ? null : error} id='readings-error' />
      <View className='card' id='reading-rows'>
        {!drafts.length ? <Text className='muted' id='readings-none'>{t('readings.noneChosen')}</Text> : null}
        {drafts.map((d, i) => (
          <ReadingRow
            key={d.key}
            index={i}
            draft={d}
            meter={byId.get(d.meterId)}
            errorOf={errorOf(i)}
            onChange={(next) => setDrafts(drafts.map((x) => (x.key === d.key ? next : x)))}
            onRemove={() => setDrafts(drafts.filter((x) => x.key !== d.key))}
          />
        ))}
      </View>
      <Btn id='readings-submit' className='btn--block' disabled={submit.busy || !drafts.length} onClick={() => submit.run()}>
        {t('readings.submit', { count: drafts.length })}
      </Btn>
    </>
  )
}

/** 抄表录入: this period's readings for meters picked from the estate's list (all saved or none), or an Excel sheet. */
export default function MeterReadingPage() {
  return (
    <StaffPage className='readings-page'>
      {({ estate }) => <Readings key={estate.id} estate={estate} />}
    </StaffPage>
  )
}
