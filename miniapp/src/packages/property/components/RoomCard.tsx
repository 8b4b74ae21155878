import { Text, View } from '@tarojs/components'
import type { RoomDetail } from '../../../graphql/types'
import { t } from '../../../i18n'
import { BindingRow } from './BindingRow'
import { FamilyAddForm } from './FamilyAddForm'
import { RoomFacts } from './RoomFacts'

const STATUS_TAG = { VACANT: '', OCCUPIED: 'tag--green', RENOVATING: 'tag--orange' } as const

/** One of my rooms: what it is, who lives there, and (for its owner) family management. */
export function RoomCard({ room, onChanged }: { room: RoomDetail; onChanged: () => void }) {
  const isOwner = room.myRelation === 'OWNER'
  // unit codes are usually bare numbers ("2"): say 2 单元
  const unit = room.unitCode && /^\d+$/.test(room.unitCode) ? t('rooms.unitValue', { unit: room.unitCode }) : room.unitCode
  const place = [room.estate.name, room.building.name, unit].filter(Boolean).join(' · ')
  const perms = room.myPermissions.map((p) => t(`perm.${p}`)).join(t('common.listSeparator')) || t('rooms.noPermissions')
  return (
    <View className='card room-card' id={`room-${room.code}`} data-room-id={room.id} data-room-code={room.code}>
      <View className='room-card__head'>
        <Text className='room-card__code'>{room.code}</Text>
        <Text className={`tag ${STATUS_TAG[room.status]} room-card__status`}>{t(`roomStatus.${room.status}`)}</Text>
      </View>
      <Text className='muted room-card__place'>{place}</Text>
      {room.myRelation ? (
        <View className='room-card__mine'>
          <Text className='room-card__mine-label'>{t('rooms.myRelation')}</Text>
          <Text className='tag tag--blue room-card__relation'>{t(`relation.${room.myRelation}`)}</Text>
          {!isOwner ? <Text className='muted'>{t('rooms.myPermissions', { perms })}</Text> : null}
        </View>
      ) : null}
      <RoomFacts room={room} />
      <Text className='room-card__section'>{t('rooms.residents')}</Text>
      {room.bindings.length === 0 ? <Text className='muted'>{t('rooms.noResidents')}</Text> : null}
      {room.bindings.map((b) => (
        <BindingRow
          key={b.id}
          binding={b}
          roomCode={room.code}
          manageable={isOwner && b.relation === 'FAMILY'}
          onChanged={onChanged}
        />
      ))}
      {isOwner ? <FamilyAddForm roomId={room.id} roomCode={room.code} onAdded={onChanged} /> : null}
    </View>
  )
}
