import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { Checkbox } from '../../../components/Checkbox'
import { Field } from '../../../components/Field'
import type { Meter } from '../../../graphql/billing-types'
import { t } from '../../../i18n'
import { lastReadingText, meterLabel } from './ReadingRow'

const SHOWN = 30

/** The estate's meters to tick (a ticked one has a reading row), found by meter or room code. */
export function MeterPicker({ meters, chosen, onToggle }: {
  meters: Meter[]
  chosen: Set<string>
  onToggle: (meter: Meter) => void
}) {
  const [search, setSearch] = useState('')
  const needle = search.trim().toUpperCase()
  const matching = needle
    ? meters.filter((m) => m.code.toUpperCase().includes(needle) || (m.roomCode ?? '').toUpperCase().includes(needle))
    : meters
  const shown = matching.slice(0, SHOWN)
  return (
    <View className='meter-picker'>
      <Field id='meter-search' label={t('readings.meterSearch')} placeholder={t('readings.meterSearchPlaceholder')} value={search} onChange={setSearch} />
      <View className='meter-list' id='meter-list'>
        {shown.map((m) => (
          <View
            key={m.id}
            id={`meter-option-${m.code}`}
            className={`meter-option ${chosen.has(m.id) ? 'meter-option--on' : ''}`}
            data-meter-id={m.id}
            onClick={() => onToggle(m)}
          >
            <Checkbox checked={chosen.has(m.id)} />
            <View className='meter-option__body'>
              <Text className='meter-option__code'>{meterLabel(m)}</Text>
              <Text className='muted meter-option__last'>
                {lastReadingText(m)}
                {m.multiplier !== 1 ? ` · ${t('readings.meterMultiplier', { n: m.multiplier })}` : ''}
              </Text>
            </View>
          </View>
        ))}
      </View>
      {!matching.length ? <Text className='muted' id='meter-list-empty'>{t('readings.metersEmpty')}</Text> : null}
      {matching.length > SHOWN ? (
        <Text className='muted card__hint' id='meter-list-more'>{t('readings.metersMore', { count: matching.length, shown: SHOWN })}</Text>
      ) : null}
    </View>
  )
}
