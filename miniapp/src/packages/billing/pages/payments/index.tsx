import { View } from '@tarojs/components'
import { Btn } from '../../../../components/Btn'
import { ErrorBanner } from '../../../../components/ErrorBanner'
import { Loading } from '../../../../components/Loading'
import { RoomPaymentsQuery } from '../../../../graphql'
import type { BillRoom, Payment, RoomPaymentsData } from '../../../../graphql/billing-types'
import { t } from '../../../../i18n'
import { BillRoomsPage } from '../../components/BillRoomsPage'
import { PaymentRow } from '../../components/PaymentRow'
import { usePaged } from '../../../../hooks/usePaged'
import '../../billing.css'

function RoomPayments({ room }: { room: BillRoom }) {
  const list = usePaged<RoomPaymentsData, Payment>(RoomPaymentsQuery, { roomId: room.id }, (d) => d.roomPayments)
  if (!list.nodes) return list.error ? <ErrorBanner error={list.error} id='payments-error' /> : <Loading />
  return (
    <View className='card payment-list' id='payment-list'>
      <ErrorBanner error={list.error} />
      {list.nodes.length === 0 ? <View className='muted' id='payments-empty'>{t('payments.empty')}</View> : null}
      {list.nodes.map((p) => (
        <PaymentRow key={p.id} payment={p} roomId={room.id} />
      ))}
      {list.hasMore ? (
        <Btn id='payments-more' className='btn--plain btn--small btn--block load-more' disabled={list.busy} onClick={list.more}>
          {t('common.loadMore')}
        </Btn>
      ) : null}
    </View>
  )
}

/** 缴费记录: receipts of my room, newest first. */
export default function PaymentsPage() {
  return <BillRoomsPage className='payments-page'>{(room) => <RoomPayments key={room.id} room={room} />}</BillRoomsPage>
}
