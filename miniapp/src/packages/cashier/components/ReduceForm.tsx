import { View } from '@tarojs/components'
import { useState } from 'react'
import { Btn } from '../../../components/Btn'
import { ErrorBanner } from '../../../components/ErrorBanner'
import { Field } from '../../../components/Field'
import { ReduceLineMutation, bannerError, fieldError, mutate, useAction } from '../../../graphql'
import type { Approval, BillLine } from '../../../graphql/billing-types'
import { t } from '../../../i18n'
import { useAmountReason } from './amountReason'

/** 减免 of one line: amount and reason; above 100 元 it waits for a manager (the server decides). */
export function ReduceForm({ line, onDone }: { line: BillLine; onDone: (r: Approval) => void }) {
  const [open, setOpen] = useState(false)
  const form = useAmountReason()
  const submit = useAction(async () => {
    const { amountFen, reason } = form.checked()
    const { reduceLine } = await mutate<{ reduceLine: Approval }>(ReduceLineMutation, { lineId: line.id, amountFen, reason })
    form.reset()
    setOpen(false)
    onDone(reduceLine)
  })
  if (!open) {
    return (
      <Btn className='btn--ghost btn--small reduce-toggle' onClick={() => setOpen(true)}>
        {t('adjust.reduce')}
      </Btn>
    )
  }
  return (
    <View className='reduce-form'>
      <ErrorBanner error={bannerError(submit.error, ['amountFen', 'reason'])} />
      <Field id={`reduce-amount-${line.id}`} label={t('common.yuanPlaceholder')} type='digit' value={form.amount} onChange={form.setAmount} error={fieldError(submit.error, 'amountFen')} />
      <Field id={`reduce-reason-${line.id}`} label={t('adjust.reason')} placeholder={t('adjust.reasonPlaceholder')} value={form.reason} onChange={form.setReason} error={fieldError(submit.error, 'reason')} />
      <View className='btn-row'>
        <Btn className='btn--small reduce-submit' disabled={submit.busy} onClick={() => submit.run()}>
          {t('adjust.reduceSubmit')}
        </Btn>
        <Btn className='btn--small btn--plain reduce-cancel' onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Btn>
      </View>
    </View>
  )
}
