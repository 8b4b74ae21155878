import { Text, View } from '@tarojs/components'
import { Btn } from '../../../components/Btn'
import { ErrorBanner } from '../../../components/ErrorBanner'
import { DecideReductionMutation, DecideRefundMutation, mutate, useAction } from '../../../graphql'
import type { Approval } from '../../../graphql/billing-types'
import { t } from '../../../i18n'
import { formatFen } from '../../../utils/money'
import type { AskedApproval } from './approvals'

const STATUS_TAG = { PENDING: 'tag--orange', APPROVED: 'tag--green', REJECTED: 'tag--red' } as const

/** Reductions and refunds asked for here, with their status; a manager decides the pending ones. */
export function ApprovalList({ items, isApprover, onDecided }: {
  items: AskedApproval[]
  isApprover: boolean
  onDecided: (item: AskedApproval) => void
}) {
  const decide = useAction(async (item: AskedApproval, approve: boolean) => {
    const decided = item.kind === 'reduction'
      ? (await mutate<{ decideReduction: Approval }>(DecideReductionMutation, { id: item.id, approve })).decideReduction
      : (await mutate<{ decideRefund: Approval }>(DecideRefundMutation, { id: item.id, approve })).decideRefund
    onDecided({ ...item, ...decided })
  })
  if (!items.length) return null
  return (
    <View className='card approval-list' id='adjust-results'>
      <Text className='card__title'>{t('adjust.results')}</Text>
      <ErrorBanner error={decide.error} />
      {items.map((item) => (
        <View key={item.id} className='approval-row' data-id={item.id} data-status={item.status}>
          <View className='approval-row__head'>
            <Text>
              {item.roomCode} · {t(`adjust.kind.${item.kind}`)} {formatFen(item.amountFen)}
            </Text>
            <Text className={`tag ${STATUS_TAG[item.status]} approval-row__status`}>{t(`approval.${item.status}`)}</Text>
          </View>
          <Text className='muted'>{item.reason}</Text>
          {isApprover && item.status === 'PENDING' ? (
            <View className='btn-row'>
              <Btn className='btn--small approval-approve' disabled={decide.busy} onClick={() => decide.run(item, true)}>
                {t('common.approve')}
              </Btn>
              <Btn className='btn--small btn--danger approval-reject' disabled={decide.busy} onClick={() => decide.run(item, false)}>
                {t('common.reject')}
              </Btn>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  )
}
