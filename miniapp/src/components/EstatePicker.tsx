import { Text, View } from '@tarojs/components'
import { Chips } from './Chips'
import type { EstateRef } from '../graphql/types'
import { t } from '../i18n'

/** 小区: a name when there is one, chips when there are several. */
export function EstatePicker({ estates, value, onChange }: { estates: EstateRef[]; value: EstateRef; onChange: (id: string) => void }) {
  return (
    <View className='field estate-picker'>
      <Text className='field__label'>{t('staff.estate')}</Text>
      {estates.length === 1 ? (
        <Text className='estate-picker__name' id='estate-name'>{value.name}</Text>
      ) : (
        <Chips items={estates.map((e) => ({ key: e.id, label: e.name, id: `estate-${e.code}` }))} value={value.id} onChange={onChange} />
      )}
    </View>
  )
}
