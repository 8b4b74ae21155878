import { Text, View } from '@tarojs/components'
import type { RoomDetail } from '../../../graphql/types'
import { t } from '../../../i18n'

/** 建筑面积 / 收费面积 / 类型 / 户型 / 朝向 / 楼层 of one room. */
export function RoomFacts({ room }: { room: RoomDetail }) {
  const none = t('common.none')
  const facts: [string, string, string][] = [
    ['building-area', t('rooms.buildingArea'), t('rooms.area', { value: room.buildingArea })],
    ['charge-area', t('rooms.chargeArea'), t('rooms.area', { value: room.chargeArea })],
    ['type', t('rooms.type'), t(`roomType.${room.type}`)],
    ['layout', t('rooms.layout'), room.layout || none],
    ['orientation', t('rooms.orientation'), room.orientation || none],
    ['floor', t('rooms.floor'), t('rooms.floorValue', { floor: room.floor })],
  ]
  return (
    <View className='room-facts'>
      {facts.map(([key, label, value]) => (
        <View key={key} className={`room-facts__item room-facts__item--${key}`}>
          <Text className='room-facts__label'>{label}</Text>
          <Text className='room-facts__value'>{value}</Text>
        </View>
      ))}
    </View>
  )
}
