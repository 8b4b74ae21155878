import { View } from '@tarojs/components'
import { t } from '../i18n'
import { FAMILY_PERMISSIONS, type FamilyPermission } from '../graphql/types'

/** 查看账单 / 缴费 / 报修 as toggle chips (the same look in the mini-program and the browser). */
export function PermissionPicker({ value, onChange, disabled }: {
  value: FamilyPermission[]
  onChange: (next: FamilyPermission[]) => void
  disabled?: boolean
}) {
  const toggle = (perm: FamilyPermission) => {
    if (disabled) return
    onChange(value.includes(perm) ? value.filter((p) => p !== perm) : FAMILY_PERMISSIONS.filter((p) => p === perm || value.includes(p)))
  }
  return (
    <View className='perm-picker'>
      {FAMILY_PERMISSIONS.map((perm) => {
        const on = value.includes(perm)
        return (
          <View
            key={perm}
            className={`perm-chip perm-chip--${perm} ${on ? 'perm-chip--on' : ''}`}
            data-perm={perm}
            aria-checked={on}
            role='checkbox'
            onClick={() => toggle(perm)}
          >
            <View className='perm-chip__box'>{on ? '✓' : ''}</View>
            {t(`perm.${perm}`)}
          </View>
        )
      })}
    </View>
  )
}
