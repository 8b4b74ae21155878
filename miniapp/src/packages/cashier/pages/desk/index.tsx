import { DeskForm } from '../../components/DeskForm'
import { RoomWorkbench } from '../../components/RoomWorkbench'
import { StaffPage } from '../../components/StaffPage'
import '../../cashier.css'

/** 前台收款: find the room, settle its lines in cash, by card or transfer, show the receipt. */
export default function DeskPage() {
  return (
    <StaffPage className='desk-page'>
      {({ estate }) => (
        <RoomWorkbench key={estate.id} estateId={estate.id}>
          {/* a fresh form after each payment: the lines and the amount start over */}
          {(account, refetch) => <DeskForm key={`${account.outstandingFen}:${account.prepaidBalanceFen}`} account={account} onPaid={refetch} />}
        </RoomWorkbench>
      )}
    </StaffPage>
  )
}
