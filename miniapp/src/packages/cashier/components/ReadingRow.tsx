import { Text, View } from '@tarojs/components'
import { Checkbox } from '../../../components/Checkbox'
import { Field } from '../../../components/Field'
import type { Meter } from '../../../graphql/billing-types'
import { t } from '../../../i18n'

export interface ReadingDraft {
  key: number
  meterId: string
  reading: string
  replaced: boolean
  oldMeterFinal: string
  newMeterBase: string
}

/** `W-A-2-1503 · A-2-1503 · 水费` */
export function meterLabel(meter: Meter): string {
  return [meter.code, meter.roomCode ?? t('readings.meterPublic'), meter.itemName].join(' · ')
}

/** 上次 25.8（2026-09） or 尚无读数 */
export function lastReadingText(meter: Meter): string {
  return meter.lastReading ? t('readings.meterLast', meter.lastReading) : t('readings.meterNoLast')
}

/** One meter's reading; 换表 adds the old meter's final and the new meter's base reading. */
export function ReadingRow({ index, draft, meter, errorOf, onChange, onRemove }: {
  index: number
  draft: ReadingDraft
  /** the meter picked from the list (its id is draft.meterId) */
  meter: Meter | undefined
  /** the server's message for `readings.<index>.<field>` */
  errorOf: (field: keyof ReadingDraft) => string | undefined
  onChange: (next: ReadingDraft) => void
  onRemove?: () => void
}) {
  const set = (patch: Partial<ReadingDraft>) => onChange({ ...draft, ...patch })
  return (
    <View className='reading-row' data-index={index}>
      <View className='reading-row__head'>
        <Text className='reading-row__title'>{t('readings.row', { n: index + 1 })}</Text>
        {onRemove ? <Text className='link reading-row__remove' id={`reading-remove-${index}`} onClick={onRemove}>{t('readings.remove')}</Text> : null}
      </View>
      <View className={`field reading-row__meter ${errorOf('meterId') ? 'field--error' : ''}`}>
        <Text className='reading-row__meter-code' id={`reading-meter-${index}`} data-meter-id={draft.meterId}>
          {meter ? meterLabel(meter) : draft.meterId}
        </Text>
        {meter ? <Text className='muted reading-row__last'>{lastReadingText(meter)}</Text> : null}
        {errorOf('meterId') ? <Text className='field__error' id={`reading-meter-${index}-error`}>{errorOf('meterId')}</Text> : null}
      </View>
      <Field id={`reading-value-${index}`} label={t('readings.reading')} placeholder={t('readings.readingPlaceholder')} type='digit' value={draft.reading} onChange={(v) => set({ reading: v })} error={errorOf('reading')} />
      <View className='reading-row__replaced' id={`reading-replaced-${index}`} onClick={() => set({ replaced: !draft.replaced })}>
        <Checkbox checked={draft.replaced} />
        <Text>{t('readings.replaced')}</Text>
      </View>
      {draft.replaced ? (
        <View className='reading-row__replacement'>
          <Field id={`reading-old-${index}`} label={t('readings.oldMeterFinal')} type='digit' value={draft.oldMeterFinal} onChange={(v) => set({ oldMeterFinal: v })} error={errorOf('oldMeterFinal')} />
          <Field id={`reading-new-${index}`} label={t('readings.newMeterBase')} type='digit' value={draft.newMeterBase} onChange={(v) => set({ newMeterBase: v })} error={errorOf('newMeterBase')} />
        </View>
      ) : null}
    </View>
  )
}
