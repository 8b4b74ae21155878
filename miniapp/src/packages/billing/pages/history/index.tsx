import { Text, View } from '@tarojs/components'
import { BillLineRow } from '../../../../components/BillLineRow'
import { Btn } from '../../../../components/Btn'
import { ErrorBanner } from '../../../../components/ErrorBanner'
import { Loading } from '../../../../components/Loading'
import { RoomBillsQuery } from '../../../../graphql'
import type { BillLine, BillRoom, RoomBillsData } from '../../../../graphql/billing-types'
import { t } from '../../../../i18n'
import { groupByPeriod } from '../../../../utils/bills'
import { BillRoomsPage } from '../../components/BillRoomsPage'
import { usePaged } from '../../../../hooks/usePaged'
import '../../billing.css'

function RoomHistory({ room }: { room: BillRoom }) {
  const list = usePaged<RoomBillsData, BillLine>(RoomBillsQuery, { roomId: room.id }, (d) => d.roomBills)
  if (!list.nodes) return list.error ? <ErrorBanner error={list.error} id='history-error' /> : <Loading />
  return (
    <View id='bill-history'>
      <ErrorBanner error={list.error} />
      {list.nodes.length === 0 ? <View className='card muted' id='history-empty'>{t('history.empty')}</View> : null}
      {groupByPeriod(list.nodes).map((group) => (
        <View key={group.period} className='card bill-period' data-period={group.period}>
          <Text className='bill-period__title'>{t('bills.periodTitle', { period: group.period })}</Text>
          {group.lines.map((line) => (
            <BillLineRow key={line.id} line={line} showStatus />
          ))}
        </View>
      ))}
      {list.hasMore ? (
        <Btn id='history-more' className='btn--plain btn--small btn--block load-more' disabled={list.busy} onClick={list.more}>
          {t('common.loadMore')}
        </Btn>
      ) : null}
    </View>
  )
}

/** 账单历史: every line of my room, paid or not, newest 账期 first. */
export default function HistoryPage() {
  return <BillRoomsPage className='history-page'>{(room) => <RoomHistory key={room.id} room={room} />}</BillRoomsPage>
}
