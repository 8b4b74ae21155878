import { Chips } from '../../../components/Chips'
import type { BillRoom } from '../../../graphql/billing-types'

/** Which of my rooms the page shows; nothing to pick with a single room. */
export function RoomChips({ rooms, value, onChange }: { rooms: BillRoom[]; value: string; onChange: (id: string) => void }) {
  if (rooms.length < 2) return null
  const items = rooms.map((r) => ({ key: r.id, label: r.code, id: `room-chip-${r.code}` }))
  return <Chips className='room-chips' items={items} value={value} onChange={onChange} />
}
