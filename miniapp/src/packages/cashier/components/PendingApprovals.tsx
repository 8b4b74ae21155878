import { Text, View } from '@tarojs/components'
import { useEffect, useRef } from 'react'
import { Btn } from '../../../components/Btn'
import { ErrorBanner } from '../../../components/ErrorBanner'
import { Loading } from '../../../components/Loading'
import { DecideReductionMutation, DecideRefundMutation, PendingApprovalsQuery, mutate, useAction, useQuery } from '../../../graphql'
import type { Approval, ApprovalStatus, PendingApprovalsData } from '../../../graphql/billing-types'
import { t } from '../../../i18n'
import { formatFen } from '../../../utils/money'

interface Pending { kind: 'reduction' | 'refund'; id: string; roomCode: string | null; amountFen: number; reason: string }

/** 待审批 (经理): every reduction and refund of the estate waiting for a decision, whoever asked. */
export function PendingApprovals({ estateId, version, onDecided }: {
  estateId: string
  /** bumped when this page asks for one, to list it */
  version: number
  onDecided: (id: string, status: ApprovalStatus) => void
}) {
  const { data, error, refetch } = useQuery<PendingApprovalsData>(PendingApprovalsQuery, { estateId })
  const first = useRef(true)
  useEffect(() => {
    if (first.current) first.current = false
    else refetch()
  }, [version, refetch])
  const decide = useAction(async (item: Pending, approve: boolean) => {
    const decided = item.kind === 'reduction'
      ? (await mutate<{ decideReduction: Approval }>(DecideReductionMutation, { id: item.id, approve })).decideReduction
      : (await mutate<{ decideRefund: Approval }>(DecideRefundMutation, { id: item.id, approve })).decideRefund
    await refetch()
    onDecided(item.id, decided.status)
  })
  const items: Pending[] = data
    ? [
        ...data.pendingApprovals.reductions.map((r) => ({ ...r, kind: 'reduction' as const })),
        ...data.pendingApprovals.refunds.map((r) => ({ ...r, kind: 'refund' as const })),
      ]
    : []
  return (
    <View className='card approval-list' id='pending-approvals'>
      <Text className='card__title'>{t('pending.title')}</Text>
      <ErrorBanner error={decide.error ?? error} id='pending-error' />
      {!data ? (error ? null : <Loading />) : null}
      {data && !items.length ? <Text className='muted' id='pending-empty'>{t('pending.empty')}</Text> : null}
      {items.map((item) => (
        <View key={`${item.kind}-${item.id}`} className='approval-row pending-row' id={`pending-${item.kind}-${item.id}`} data-id={item.id} data-kind={item.kind}>
          <View className='approval-row__head'>
            <Text>
              {item.roomCode ?? ''} · {t(`adjust.kind.${item.kind}`)} {formatFen(item.amountFen)}
            </Text>
            <Text className='tag tag--orange approval-row__status'>{t('approval.PENDING')}</Text>
          </View>
          <Text className='muted'>{item.reason}</Text>
          <View className='btn-row'>
            <Btn className='btn--small approval-approve' disabled={decide.busy} onClick={() => decide.run(item, true)}>
              {t('common.approve')}
            </Btn>
            <Btn className='btn--small btn--danger approval-reject' disabled={decide.busy} onClick={() => decide.run(item, false)}>
              {t('common.reject')}
            </Btn>
          </View>
        </View>
      ))}
    </View>
  )
}
