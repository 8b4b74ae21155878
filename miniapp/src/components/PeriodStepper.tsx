import { Text, View } from '@tarojs/components'
import { t } from '../i18n'
import { shiftPeriod } from '../utils/period'

/**
 * 账期 as ‹ 2026-10 ›: a month picker that needs no native picker (Taro's h5 Picker is not a
 * plain HTML element). `max` caps the later end, e.g. the last finished month for 月结.
 */
export function PeriodStepper({ id, value, onChange, max }: {
  id: string
  value: string
  onChange: (period: string) => void
  max?: string
}) {
  const atMax = !!max && value >= max
  return (
    <View className='field'>
      <Text className='field__label'>{t('period.label')}</Text>
      <View className='period-stepper' id={id}>
        <View id={`${id}-prev`} className='period-stepper__arrow' aria-label={t('period.prev')} onClick={() => onChange(shiftPeriod(value, -1))}>
          ‹
        </View>
        <Text id={`${id}-value`} className='period-stepper__value'>{value}</Text>
        <View
          id={`${id}-next`}
          className={`period-stepper__arrow ${atMax ? 'period-stepper__arrow--off' : ''}`}
          aria-label={t('period.next')}
          onClick={() => !atMax && onChange(shiftPeriod(value, 1))}
        >
          ›
        </View>
      </View>
    </View>
  )
}
