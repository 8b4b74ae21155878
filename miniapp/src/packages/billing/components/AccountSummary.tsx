import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { RoomAccount } from '../../../graphql/billing-types'
import { t } from '../../../i18n'
import { ROUTES } from '../../../routes'
import { formatFen } from '../../../utils/money'

/** 欠费合计 and 预收款余额 of a room, with the way to its payments and bill history. */
export function AccountSummary({ account }: { account: RoomAccount }) {
  const roomId = account.room.id
  return (
    <View className='card account-summary' id='bills-summary'>
      <Text className='muted account-summary__room'>
        {account.room.estate.name} · {account.room.code}
      </Text>
      <View className='account-summary__figures'>
        <View className='account-summary__figure'>
          <Text className='account-summary__label'>{t('bills.outstanding')}</Text>
          <Text className='account-summary__value account-summary__value--due' id='bills-outstanding'>
            {formatFen(account.outstandingFen)}
          </Text>
        </View>
        <View className='account-summary__figure'>
          <Text className='account-summary__label'>{t('bills.prepaid')}</Text>
          <Text className='account-summary__value' id='bills-prepaid'>{formatFen(account.prepaidBalanceFen)}</Text>
        </View>
      </View>
      <View className='account-summary__links'>
        <Text className='link' id='bills-open-payments' onClick={() => Taro.navigateTo({ url: `${ROUTES.payments}?roomId=${roomId}` })}>
          {t('bills.openPayments')} ›
        </Text>
        <Text className='link' id='bills-open-history' onClick={() => Taro.navigateTo({ url: `${ROUTES.billHistory}?roomId=${roomId}` })}>
          {t('bills.openHistory')} ›
        </Text>
      </View>
    </View>
  )
}
