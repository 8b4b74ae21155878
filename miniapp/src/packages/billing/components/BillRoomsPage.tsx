import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { ErrorBanner } from '../../../components/ErrorBanner'
import { Loading } from '../../../components/Loading'
import { Page } from '../../../components/Page'
import type { BillRoom } from '../../../graphql/billing-types'
import { t } from '../../../i18n'
import { RoomChips } from './RoomChips'
import { useBillRooms } from './useBillRooms'

/** The frame of 我的账单 / 缴费记录 / 账单历史: pick a room I may see bills of, then show `children(room)`. */
export function BillRoomsPage({ className, children }: { className: string; children: (room: BillRoom) => ReactNode }) {
  const { rooms, room, choose, error } = useBillRooms()
  return (
    <Page className={`billing-page ${className}`}>
      <ErrorBanner error={error} id='billing-error' />
      {!rooms ? (
        error ? null : <Loading />
      ) : !room ? (
        <View className='card muted' id='bills-no-rooms'>{t('bills.noRooms')}</View>
      ) : (
        <>
          <RoomChips rooms={rooms} value={room.id} onChange={choose} />
          {children(room)}
        </>
      )}
    </Page>
  )
}
