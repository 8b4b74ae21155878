import { Text, View } from '@tarojs/components'
import { Btn } from '../../../components/Btn'
import { ErrorBanner } from '../../../components/ErrorBanner'
import { Field } from '../../../components/Field'
import { RefundPrepaidMutation, bannerError, fieldError, mutate, useAction } from '../../../graphql'
import type { Approval, RoomAccount } from '../../../graphql/billing-types'
import { t } from '../../../i18n'
import { formatFen } from '../../../utils/money'
import { useAmountReason } from './amountReason'

/** 退预收款 of the room. */
export function RefundForm({ account, onDone }: { account: RoomAccount; onDone: (r: Approval) => void }) {
  const form = useAmountReason()
  const submit = useAction(async () => {
    const { amountFen, reason } = form.checked()
    const { refundPrepaid } = await mutate<{ refundPrepaid: Approval }>(RefundPrepaidMutation, { roomId: account.room.id, amountFen, reason })
    form.reset()
    onDone(refundPrepaid)
  })
  return (
    <View className='card refund-form' id='refund-form'>
      <Text className='card__title'>{t('adjust.refundTitle')}</Text>
      <Text className='muted refund-form__balance' id='refund-balance'>
        {t('adjust.refundBalance', { amount: formatFen(account.prepaidBalanceFen) })}
      </Text>
      {account.prepaidBalanceFen <= 0 ? (
        <Text className='muted' id='refund-none'>{t('adjust.noPrepaid')}</Text>
      ) : (
        <View>
          <ErrorBanner error={bannerError(submit.error, ['amountFen', 'reason'])} id='refund-error' />
          <Field id='refund-amount' label={t('common.yuanPlaceholder')} type='digit' value={form.amount} onChange={form.setAmount} error={fieldError(submit.error, 'amountFen')} />
          <Field id='refund-reason' label={t('adjust.reason')} placeholder={t('adjust.reasonPlaceholder')} value={form.reason} onChange={form.setReason} error={fieldError(submit.error, 'reason')} />
          <Btn id='refund-submit' className='btn--block' disabled={submit.busy} onClick={() => submit.run()}>
            {t('adjust.refundSubmit')}
          </Btn>
        </View>
      )}
    </View>
  )
}
