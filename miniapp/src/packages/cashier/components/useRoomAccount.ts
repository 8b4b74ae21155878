import { RoomAccountQuery, useQuery } from '../../../graphql'
import type { RoomAccountData } from '../../../graphql/billing-types'

/** roomAccount of the picked room (null until loaded, or while another room's is still shown). */
export function useRoomAccount(roomId: string) {
  const { data, error, refetch } = useQuery<RoomAccountData>(RoomAccountQuery, { roomId })
  const account = data?.roomAccount.room.id === roomId ? data.roomAccount : null
  return { account, error, refetch }
}
