import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { Btn } from '../../../components/Btn'
import { ErrorBanner } from '../../../components/ErrorBanner'
import { PermissionPicker } from '../../../components/PermissionPicker'
import { RemoveFamilyMemberMutation, SetFamilyPermissionsMutation, mutate, useAction } from '../../../graphql'
import type { BindingDetail, FamilyPermission } from '../../../graphql/types'
import { t } from '../../../i18n'

const same = (a: FamilyPermission[], b: FamilyPermission[]) => a.length === b.length && a.every((p) => b.includes(p))

/** The owner's controls on one family member: change permissions, remove (confirmed inline). */
export function FamilyControls({ binding, roomCode, onChanged }: {
  binding: BindingDetail
  roomCode: string
  onChanged: () => void
}) {
  const [perms, setPerms] = useState<FamilyPermission[]>(binding.permissions)
  const [confirming, setConfirming] = useState(false)
  // follow the server's value when it changes, not on every refetch (keeps unsaved ticks)
  const serverPerms = binding.permissions.join()
  useEffect(() => setPerms(binding.permissions), [serverPerms]) // eslint-disable-line react-hooks/exhaustive-deps

  const save = useAction(async () => {
    await mutate(SetFamilyPermissionsMutation, { bindingId: binding.id, permissions: perms })
    Taro.showToast({ title: t('common.saved'), icon: 'success' })
    onChanged()
  })
  const remove = useAction(async () => {
    await mutate(RemoveFamilyMemberMutation, { bindingId: binding.id })
    Taro.showToast({ title: t('family.removed', { name: binding.customer.name }), icon: 'none' })
    onChanged()
  })
  const busy = save.busy || remove.busy

  return (
    <View className='family-controls'>
      <PermissionPicker value={perms} onChange={setPerms} disabled={busy} />
      <ErrorBanner error={save.error ?? remove.error} />
      {confirming ? (
        <View className='family-controls__confirm'>
          <Text className='family-controls__question'>
            {t('family.removeConfirm', { name: binding.customer.name, room: roomCode })}
          </Text>
          <View className='btn-row'>
            <Btn className='btn--small btn--danger family-remove-confirm' disabled={busy} onClick={() => remove.run()}>
              {t('common.confirm')}
            </Btn>
            <Btn className='btn--small btn--plain family-remove-cancel' onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Btn>
          </View>
        </View>
      ) : (
        <View className='btn-row'>
          <Btn
            className='btn--small family-perms-save'
            disabled={busy || same(perms, binding.permissions)}
            onClick={() => save.run()}
          >
            {t('family.editPermissions')}
          </Btn>
          <Btn className='btn--small btn--danger family-remove' disabled={busy} onClick={() => setConfirming(true)}>
            {t('family.remove')}
          </Btn>
        </View>
      )}
    </View>
  )
}
