import { Text, View } from '@tarojs/components'
import { t } from '../../../i18n'
import { shiftDate } from '../../../utils/period'

/**
 * A day as ‹ 2026-11-22 ›, like PeriodStepper (no native picker, same in both builds). `max` caps
 * the later end (today: there is nothing to collect tomorrow); the value says 今天 beside it.
 */
export function DateStepper({ id, label, value, onChange, max }: {
  id: string
  /** 日期 unless told */
  label?: string
  value: string
  onChange: (date: string) => void
  max?: string
}) {
  const atMax = !!max && value >= max
  return (
    <View className='field'>
      <Text className='field__label'>{label ?? t('daily.date')}</Text>
      <View className='period-stepper' id={id}>
        <View id={`${id}-prev`} className='period-stepper__arrow' aria-label={t('daily.prev')} onClick={() => onChange(shiftDate(value, -1))}>
          ‹
        </View>
        <Text id={`${id}-value`} className='period-stepper__value'>{value}</Text>
        {value === max ? <Text className='tag tag--blue date-stepper__today'>{t('daily.today')}</Text> : null}
        <View
          id={`${id}-next`}
          className={`period-stepper__arrow ${atMax ? 'period-stepper__arrow--off' : ''}`}
          aria-label={t('daily.next')}
          onClick={() => !atMax && onChange(shiftDate(value, 1))}
        >
          ›
        </View>
      </View>
    </View>
  )
}
