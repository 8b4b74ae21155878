import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { BillLineRow } from '../../../../components/BillLineRow'
import type { Approval, RoomAccount } from '../../../../graphql/billing-types'
import { t } from '../../../../i18n'
import { ApprovalList } from '../../components/ApprovalList'
import { PendingApprovals } from '../../components/PendingApprovals'
import type { AskedApproval } from '../../components/approvals'
import { ReduceForm } from '../../components/ReduceForm'
import { RefundForm } from '../../components/RefundForm'
import { RoomWorkbench } from '../../components/RoomWorkbench'
import { StaffPage } from '../../components/StaffPage'
import '../../cashier.css'

function RoomAdjust({ account, onAsked }: { account: RoomAccount; onAsked: (kind: AskedApproval['kind'], r: Approval) => void }) {
  return (
    <>
      <View className='card' id='reduce-lines'>
        <Text className='card__title'>{t('desk.lines')}</Text>
        <Text className='muted card__hint'>{t('adjust.threshold')}</Text>
        {account.openLines.length === 0 ? <Text className='muted' id='reduce-none'>{t('bills.empty')}</Text> : null}
        {account.openLines.map((line) => (
          <BillLineRow key={line.id} line={line}>
            <ReduceForm line={line} onDone={(r) => onAsked('reduction', r)} />
          </BillLineRow>
        ))}
      </View>
      <RefundForm account={account} onDone={(r) => onAsked('refund', r)} />
    </>
  )
}

/** 减免与退款: reduce a line or refund prepaid money, with a reason; large ones wait for a manager. */
export default function AdjustPage() {
  const [asked, setAsked] = useState<AskedApproval[]>([])
  // a request asked here, or a decision on the pending list, refreshes the other list
  const [version, setVersion] = useState(0)
  return (
    <StaffPage className='adjust-page'>
      {({ estate, isApprover }) => (
        <>
          <RoomWorkbench key={estate.id} estateId={estate.id}>
            {(account, refetch) => (
              <RoomAdjust
                account={account}
                onAsked={(kind, r) => {
                  setAsked((list) => [{ ...r, kind, roomCode: account.room.code }, ...list])
                  if (r.status === 'PENDING') setVersion((v) => v + 1)
                  refetch()
                }}
              />
            )}
          </RoomWorkbench>
          {isApprover ? <PendingApprovals key={estate.id} estateId={estate.id} version={version} onDecided={(id, status) => setAsked((list) => list.map((a) => (a.id === id ? { ...a, status } : a)))} /> : null}
          <ApprovalList
            items={asked}
            isApprover={isApprover}
            onDecided={(item) => {
              setAsked((list) => list.map((a) => (a.id === item.id ? item : a)))
              setVersion((v) => v + 1)
            }}
          />
        </>
      )}
    </StaffPage>
  )
}
