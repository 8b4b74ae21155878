import { BillRoomsPage } from '../../components/BillRoomsPage'
import { OpenBills } from '../../components/OpenBills'
import '../../billing.css'

/** 我的账单: what my room owes, by 账期, and 缴费. */
export default function BillsPage() {
  return <BillRoomsPage className='bills-page'>{(room) => <OpenBills key={room.id} room={room} />}</BillRoomsPage>
}
