import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { ErrorBanner } from '../../../components/ErrorBanner'
import { Loading } from '../../../components/Loading'
import { RoomAccountQuery, useQuery } from '../../../graphql'
import type { BillRoom, RoomAccountData } from '../../../graphql/billing-types'
import { t } from '../../../i18n'
import { ROUTES } from '../../../routes'
import { groupByPeriod, payableFen, toggled } from '../../../utils/bills'
import { sumFen } from '../../../utils/money'
import { usePayment } from '../pay/usePayment'
import { AccountSummary } from './AccountSummary'
import { PayBar } from './PayBar'
import { PeriodCard } from './PeriodCard'

const NOTICE_TEXT = { unavailable: 'pay.unavailable', cancelled: 'pay.cancelled', pending: 'pay.pending' } as const

/** 我的账单 of one room: open lines by 账期, all chosen at first, and the pay flow. */
export function OpenBills({ room }: { room: BillRoom }) {
  const { data, error, refetch } = useQuery<RoomAccountData>(RoomAccountQuery, { roomId: room.id })
  const account = data?.roomAccount.room.id === room.id ? data.roomAccount : null
  const lines = account?.openLines ?? []
  // every open line is chosen unless unticked (new lines after a refetch come chosen)
  const [unticked, setUnticked] = useState<Set<string>>(new Set())

  // back from the receipt (or WeChat's sheet): the lines may be paid now
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) refetch()
    shown.current = true
  })

  const payment = usePayment((paymentId) => {
    refetch()
    Taro.showToast({ title: t('pay.success'), icon: 'success' })
    Taro.navigateTo({ url: `${ROUTES.receipt}?id=${paymentId}&roomId=${room.id}` })
  })

  if (!account) return error ? <ErrorBanner error={error} id='bills-error' /> : <Loading />
  const chosen = lines.filter((l) => !unticked.has(l.id))
  const selected = new Set(chosen.map((l) => l.id))
  const totalFen = sumFen(chosen.map(payableFen))
  const lateFeeFen = sumFen(chosen.map((l) => l.lateFeeFen))
  const toggle = (id: string) => setUnticked((prev) => toggled(prev, id))
  const allChosen = lines.length > 0 && chosen.length === lines.length
  const notice = payment.notice

  return (
    <View className='open-bills'>
      <AccountSummary account={account} />
      <ErrorBanner error={error} />
      {lines.length === 0 ? (
        <View className='card muted' id='bills-empty'>{t('bills.empty')}</View>
      ) : (
        <View id='bill-periods'>
          {groupByPeriod(lines).map((group) => (
            <PeriodCard key={group.period} group={group} selected={selected} onToggle={toggle} />
          ))}
        </View>
      )}
      {!room.myPermissions.includes('PAY') ? (
        <View className='card muted' id='bills-no-pay'>{t('bills.noPay')}</View>
      ) : null}
      {lines.length > 0 ? (
        <PayBar
          count={chosen.length}
          allChosen={allChosen}
          totalFen={totalFen}
          lateFeeFen={lateFeeFen}
          canPay={room.myPermissions.includes('PAY')}
          stage={payment.stage}
          message={
            payment.error ? (
              <ErrorBanner error={payment.error} id='pay-error' />
            ) : notice ? (
              <View className={`notice notice--${notice}`} id={`pay-${notice}`}>
                <Text>{t(NOTICE_TEXT[notice])}</Text>
              </View>
            ) : null
          }
          onToggleAll={() => setUnticked(new Set(allChosen ? lines.map((l) => l.id) : []))}
          onPay={() => payment.pay(room.id, chosen.map((l) => l.id))}
        />
      ) : null}
    </View>
  )
}
