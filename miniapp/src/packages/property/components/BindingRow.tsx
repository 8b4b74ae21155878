import { Text, View } from '@tarojs/components'
import type { BindingDetail } from '../../../graphql/types'
import { t } from '../../../i18n'
import { FamilyControls } from './FamilyControls'

const RELATION_TAG = { OWNER: 'tag--blue', FAMILY: 'tag--green', TENANT: 'tag--orange' } as const

function period(b: BindingDetail): string {
  return b.endDate ? t('rooms.period', { start: b.startDate, end: b.endDate }) : t('rooms.since', { start: b.startDate })
}

/** One person bound to the room: who, as what, since when, and whether they are billed. */
export function BindingRow({ binding, roomCode, manageable, onChanged }: {
  binding: BindingDetail
  roomCode: string
  /** the viewer owns the room and this is a family member */
  manageable: boolean
  onChanged: () => void
}) {
  const b = binding
  return (
    <View className={`binding-row binding-row--${b.relation}`} data-binding-id={b.id}>
      <View className='binding-row__head'>
        <Text className='binding-row__name'>{b.customer.name}</Text>
        <Text className={`tag ${RELATION_TAG[b.relation]} binding-row__relation`}>{t(`relation.${b.relation}`)}</Text>
        {b.isBillingParty ? <Text className='tag tag--orange billing-party'>{t('rooms.billingParty')}</Text> : null}
      </View>
      <View className='binding-row__meta muted'>
        {b.customer.phone ? <Text className='binding-row__phone'>{b.customer.phone}</Text> : null}
        <Text className='binding-row__period'>{period(b)}</Text>
      </View>
      {manageable ? (
        <FamilyControls binding={b} roomCode={roomCode} onChanged={onChanged} />
      ) : b.relation === 'FAMILY' ? (
        <View className='binding-row__perms'>
          {b.permissions.map((p) => (
            <Text key={p} className='tag'>{t(`perm.${p}`)}</Text>
          ))}
        </View>
      ) : null}
    </View>
  )
}
