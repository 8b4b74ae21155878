import { useState, type ReactNode } from 'react'
import { ErrorBanner } from '../../../components/ErrorBanner'
import { Loading } from '../../../components/Loading'
import type { FoundRoom, RoomAccount } from '../../../graphql/billing-types'
import { ChosenRoom } from './ChosenRoom'
import { RoomSearch } from './RoomSearch'
import { useRoomAccount } from './useRoomAccount'

type Render = (account: RoomAccount, refetch: () => Promise<void>) => ReactNode

function RoomAccountView({ room, onBack, children }: { room: FoundRoom; onBack: () => void; children: Render }) {
  const { account, error, refetch } = useRoomAccount(room.id)
  if (!account) return error ? <ErrorBanner error={error} id='room-account-error' /> : <Loading />
  return (
    <>
      <ChosenRoom account={account} onChange={onBack} />
      {children(account, refetch)}
    </>
  )
}

/** Search a room of the estate, then work on its account (前台收款, 减免与退款). Key it by estate. */
export function RoomWorkbench({ estateId, children }: { estateId: string; children: Render }) {
  const [room, setRoom] = useState<FoundRoom | null>(null)
  if (!room) return <RoomSearch estateId={estateId} onPick={setRoom} />
  return (
    <RoomAccountView key={room.id} room={room} onBack={() => setRoom(null)}>
      {children}
    </RoomAccountView>
  )
}
