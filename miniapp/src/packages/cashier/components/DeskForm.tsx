import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { BillLineRow } from '../../../components/BillLineRow'
import { Btn } from '../../../components/Btn'
import { ErrorBanner } from '../../../components/ErrorBanner'
import { Field } from '../../../components/Field'
import { PayAtDeskMutation, appError, bannerError, fieldError, mutate, useAction } from '../../../graphql'
import type { DeskPaymentMethod, Payment, RoomAccount } from '../../../graphql/billing-types'
import { t } from '../../../i18n'
import { ROUTES } from '../../../routes'
import { payableFen, toggled } from '../../../utils/bills'
import { formatFen, parseYuan, sumFen, yuanText } from '../../../utils/money'
import { MethodPicker } from './MethodPicker'

/**
 * 前台收款 for one room: the lines to settle (all at first), the amount received (the lines' sum
 * unless the cashier types another: less pays part, more goes to 预收款), the method → receipt.
 */
export function DeskForm({ account, onPaid }: { account: RoomAccount; onPaid: () => void }) {
  const lines = account.openLines
  const [selected, setSelected] = useState<Set<string>>(new Set(lines.map((l) => l.id)))
  const chosen = lines.filter((l) => selected.has(l.id))
  // with 滞纳金: the gateway books it when the lines are paid (no lines chosen: on all of them)
  const dueFen = sumFen((chosen.length ? chosen : lines).map(payableFen))
  const lateFeeFen = sumFen((chosen.length ? chosen : lines).map((l) => l.lateFeeFen))
  // the chosen lines' sum until the cashier types an amount of their own
  const [typedAmount, setTypedAmount] = useState<string | null>(null)
  const amount = typedAmount ?? (dueFen ? yuanText(dueFen) : '')
  const [method, setMethod] = useState<DeskPaymentMethod>('CASH')
  const [note, setNote] = useState('')

  const amountFen = parseYuan(amount)
  const pay = useAction(async () => {
    if (!amountFen) throw appError('BAD_USER_INPUT', t('common.amountInvalid'), [{ field: 'amountFen', message: t('common.amountInvalid'), path: 'amountFen' }])
    const input = { roomId: account.room.id, amountFen, method, note: note.trim() || null, lineIds: chosen.length ? chosen.map((l) => l.id) : null }
    const { payAtDesk } = await mutate<{ payAtDesk: Payment }>(PayAtDeskMutation, { input })
    Taro.showToast({ title: t('desk.paid'), icon: 'success' })
    onPaid()
    Taro.navigateTo({ url: `${ROUTES.receipt}?id=${payAtDesk.id}&roomId=${account.room.id}` })
  })
  const toggle = (id: string) => setSelected((prev) => toggled(prev, id))

  const hints = [
    !chosen.length ? t(lines.length ? 'desk.oldestFirst' : 'desk.noLines') : null,
    lateFeeFen > 0 ? t('desk.lateFee', { amount: formatFen(lateFeeFen) }) : null,
    amountFen && amountFen < dueFen ? t(chosen.length ? 'desk.partial' : 'desk.partialOldest') : null,
    amountFen && amountFen > dueFen ? t('desk.surplus', { amount: formatFen(amountFen - dueFen) }) : null,
  ].filter(Boolean)
  const hint = hints.join(' ')
  return (
    <View className='card desk-form' id='desk-form'>
      <Text className='card__title'>{t('desk.lines')}</Text>
      {lines.map((line) => (
        <BillLineRow key={line.id} line={line} checked={selected.has(line.id)} onToggle={() => toggle(line.id)} />
      ))}
      <View className='desk-form__fields'>
        <ErrorBanner error={bannerError(pay.error, ['amountFen', 'method'])} id='desk-error' />
        <Field
          id='desk-amount'
          label={t('desk.amount')}
          type='digit'
          placeholder={t('common.yuanPlaceholder')}
          value={amount}
          onChange={setTypedAmount}
          error={fieldError(pay.error, 'amountFen')}
        />
        {hint ? <Text className='muted desk-form__hint' id='desk-hint'>{hint}</Text> : null}
        <MethodPicker value={method} onChange={setMethod} />
        <Field id='desk-note' label={t('desk.note')} placeholder={t('desk.notePlaceholder')} value={note} onChange={setNote} />
        <Btn id='desk-submit' className='btn--block' disabled={pay.busy || !amountFen} onClick={() => pay.run()}>
          {t('desk.submit', { amount: amountFen ? formatFen(amountFen) : '' })}
        </Btn>
      </View>
    </View>
  )
}
