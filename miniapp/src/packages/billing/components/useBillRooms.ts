import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { MyBillRoomsQuery, useQuery } from '../../../graphql'
import type { BillRoom, MyBillRoomsData } from '../../../graphql/billing-types'

/**
 * My rooms whose bills I may see (VIEW_BILLS), and the one chosen: `?roomId=` when the page
 * was opened for a room, else the first.
 */
export function useBillRooms() {
  const router = useRouter()
  const { data, error, refetch } = useQuery<MyBillRoomsData>(MyBillRoomsQuery)
  const [chosen, setChosen] = useState<string | null>(router.params.roomId ?? null)
  const rooms: BillRoom[] | null = data ? data.myRooms.filter((r) => r.myPermissions.includes('VIEW_BILLS')) : null
  const room = rooms?.find((r) => r.id === chosen) ?? rooms?.[0] ?? null
  return { rooms, room, choose: setChosen, error, refetch }
}
