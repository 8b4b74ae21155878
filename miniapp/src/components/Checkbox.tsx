import { View } from '@tarojs/components'

/** A tick box drawn the same in the mini-program and the browser; its row handles the click. */
export function Checkbox({ checked, className = '' }: { checked: boolean; className?: string }) {
  return (
    <View className={`checkbox ${checked ? 'checkbox--on' : ''} ${className}`} role='checkbox' aria-checked={checked}>
      {checked ? '✓' : ''}
    </View>
  )
}
