import { Text, View } from '@tarojs/components'
import { Checkbox } from '../../../components/Checkbox'
import { Field } from '../../../components/Field'
import { t } from '../../../i18n'

export interface ReadingDraft {
  key: number
  meterId: string
  reading: string
  replaced: boolean
  oldMeterFinal: string
  newMeterBase: string
}

/** One meter's reading; 换表 adds the old meter's final and the new meter's base reading. */
export function ReadingRow({ index, draft, errorOf, onChange, onRemove }: {
  index: number
  draft: ReadingDraft
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
      <Field id={`reading-meter-${index}`} label={t('readings.meterId')} placeholder={t('readings.meterIdPlaceholder')} value={draft.meterId} onChange={(v) => set({ meterId: v })} error={errorOf('meterId')} />
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
