import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { ErrorBanner } from '../../../../components/ErrorBanner'
import { Loading } from '../../../../components/Loading'
import { Page } from '../../../../components/Page'
import { MyBindingsChangedSubscription, MyRoomsQuery, useQuery, useSubscription } from '../../../../graphql'
import type { MyRoomsData } from '../../../../graphql/types'
import { t } from '../../../../i18n'
import { RoomCard } from '../../components/RoomCard'
import './index.css'

/** 我的房屋: every room I am bound to, live-updated when someone's binding changes. */
export default function MyRoomsPage() {
  const { data, error, refetch } = useQuery<MyRoomsData>(MyRoomsQuery)
  useSubscription(MyBindingsChangedSubscription, () => {
    refetch()
  })
  usePullDownRefresh(() => {
    refetch().finally(() => Taro.stopPullDownRefresh())
  })

  const rooms = data?.myRooms
  return (
    <Page className='my-rooms-page'>
      <ErrorBanner error={error} id='rooms-error' />
      {!rooms ? (
        error ? null : <Loading />
      ) : rooms.length === 0 ? (
        <View className='card muted' id='rooms-empty'>{t('rooms.empty')}</View>
      ) : (
        <View id='room-list'>
          {rooms.map((room) => (
            <RoomCard key={room.id} room={room} onChanged={refetch} />
          ))}
        </View>
      )}
    </Page>
  )
}
