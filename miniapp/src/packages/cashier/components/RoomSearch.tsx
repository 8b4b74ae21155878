import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { Btn } from '../../../components/Btn'
import { ErrorBanner } from '../../../components/ErrorBanner'
import { Field } from '../../../components/Field'
import { FindRoomsQuery, query, useAction } from '../../../graphql'
import type { FindRoomsData, FoundRoom } from '../../../graphql/billing-types'
import { t } from '../../../i18n'

/** Find a room of the estate by the start of its code (A-2-15 …) and pick it. */
export function RoomSearch({ estateId, onPick }: { estateId: string; onPick: (room: FoundRoom) => void }) {
  const [search, setSearch] = useState('')
  const [found, setFound] = useState<FoundRoom[] | null>(null)
  const find = useAction(async () => {
    const data = await query<FindRoomsData>(FindRoomsQuery, { estateId, search: search.trim() || null })
    setFound(data.rooms.nodes)
  })
  return (
    <View className='card room-search'>
      <ErrorBanner error={find.error} />
      <Field
        id='room-search'
        label={t('desk.search')}
        placeholder={t('desk.searchPlaceholder')}
        value={search}
        onChange={setSearch}
        onConfirm={() => find.run()}
        addon={
          <Btn id='room-search-submit' className='btn--small' disabled={find.busy} onClick={() => find.run()}>
            {t('desk.find')}
          </Btn>
        }
      />
      {found && found.length === 0 ? <Text className='muted' id='room-search-empty'>{t('desk.noRooms')}</Text> : null}
      {found && found.length ? (
        <View className='room-results' id='room-results'>
          {found.map((room) => (
            <View key={room.id} className='room-result' id={`room-result-${room.code}`} data-room-code={room.code} onClick={() => onPick(room)}>
              <Text className='room-result__code'>{room.code}</Text>
              <Text className='muted'>{room.building.name} · {room.chargeArea} ㎡</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
