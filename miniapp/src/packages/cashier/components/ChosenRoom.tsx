import { Text, View } from '@tarojs/components'
import type { RoomAccount } from '../../../graphql/billing-types'
import { t } from '../../../i18n'
import { formatFen } from '../../../utils/money'

/** The room being served: its code, what it owes and its prepaid balance, and a way back to the search. */
export function ChosenRoom({ account, onChange }: { account: RoomAccount; onChange: () => void }) {
  return (
    <View className='card chosen-room' id='chosen-room' data-room-code={account.room.code}>
      <View className='chosen-room__head'>
        <Text className='chosen-room__code'>{account.room.code}</Text>
        <Text className='link' id='chosen-room-change' onClick={onChange}>{t('desk.change')}</Text>
      </View>
      <View className='chosen-room__figures'>
        <Text>
          {t('bills.outstanding')} <Text className='chosen-room__due' id='room-outstanding'>{formatFen(account.outstandingFen)}</Text>
        </Text>
        <Text>
          {t('bills.prepaid')} <Text id='room-prepaid'>{formatFen(account.prepaidBalanceFen)}</Text>
        </Text>
      </View>
    </View>
  )
}
