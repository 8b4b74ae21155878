import { Text, View } from '@tarojs/components'
import { Chips } from '../../../components/Chips'
import { DESK_METHODS, type DeskPaymentMethod } from '../../../graphql/billing-types'
import { t } from '../../../i18n'

/** 现金 / 刷卡 / 转账 (WeChat payments are the owner's, online). */
export function MethodPicker({ value, onChange }: { value: DeskPaymentMethod; onChange: (m: DeskPaymentMethod) => void }) {
  return (
    <View className='field'>
      <Text className='field__label'>{t('desk.method')}</Text>
      <Chips items={DESK_METHODS.map((m) => ({ key: m, label: t(`method.${m}`), id: `method-${m}` }))} value={value} onChange={onChange} />
    </View>
  )
}
