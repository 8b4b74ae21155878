import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Btn } from '../../../components/Btn'
import { ErrorBanner } from '../../../components/ErrorBanner'
import { Field } from '../../../components/Field'
import { PermissionPicker } from '../../../components/PermissionPicker'
import { AddFamilyMemberMutation, bannerError, fieldError, mutate, useAction } from '../../../graphql'
import { FAMILY_PERMISSIONS, type AddFamilyMemberInput, type FamilyPermission } from '../../../graphql/types'
import { t } from '../../../i18n'

/** 添加家庭成员 on a room the viewer owns. New members get all three permissions unless unticked. */
export function FamilyAddForm({ roomId, roomCode, onAdded }: { roomId: string; roomCode: string; onAdded: () => void }) {
  const [open, setOpen] = useState(false)
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [perms, setPerms] = useState<FamilyPermission[]>(FAMILY_PERMISSIONS)

  const add = useAction(async () => {
    const input: AddFamilyMemberInput = { roomId, name: name.trim(), phone: phone.trim(), permissions: perms }
    await mutate(AddFamilyMemberMutation, { input })
    Taro.showToast({ title: t('family.added', { name: input.name }), icon: 'none' })
    setName('')
    setPhone('')
    setPerms(FAMILY_PERMISSIONS)
    setOpen(false)
    onAdded()
  })

  if (!open) {
    return (
      <Btn id={`family-add-toggle-${roomCode}`} className='btn--ghost btn--block btn--small family-add-toggle' onClick={() => setOpen(true)}>
        {t('family.add')}
      </Btn>
    )
  }
  const error = add.error
  return (
    <View className='family-add'>
      <Text className='family-add__title'>{t('family.add')}</Text>
      <ErrorBanner error={bannerError(error, ['name', 'phone', 'permissions'])} />
      <Field
        id={`family-name-${roomCode}`}
        label={t('family.name')}
        placeholder={t('family.namePlaceholder')}
        value={name}
        onChange={setName}
        error={fieldError(error, 'name')}
      />
      <Field
        id={`family-phone-${roomCode}`}
        label={t('family.phone')}
        placeholder={t('family.phonePlaceholder')}
        type='number'
        maxlength={11}
        value={phone}
        onChange={setPhone}
        error={fieldError(error, 'phone')}
      />
      <Text className='field__label'>{t('family.permissions')}</Text>
      <PermissionPicker value={perms} onChange={setPerms} disabled={add.busy} />
      {fieldError(error, 'permissions') ? <Text className='field__error'>{fieldError(error, 'permissions')}</Text> : null}
      <View className='btn-row'>
        <Btn id={`family-add-submit-${roomCode}`} className='btn--small family-add-submit' disabled={add.busy} onClick={() => add.run()}>
          {t('family.submit')}
        </Btn>
        <Btn className='btn--small btn--plain family-add-cancel' onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Btn>
      </View>
    </View>
  )
}
