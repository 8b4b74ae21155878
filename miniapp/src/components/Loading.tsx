import { View } from '@tarojs/components'
import { t } from '../i18n'

export function Loading() {
  return <View className='loading'>{t('common.loading')}</View>
}
