import { View } from '@tarojs/components'

export interface Chip<K extends string> { key: K; label: string; id: string }

/** Pick one of a few (a room, an estate, a payment method). */
export function Chips<K extends string>({ items, value, onChange, className = '' }: {
  items: Chip<K>[]
  value: K | null
  onChange: (key: K) => void
  className?: string
}) {
  return (
    <View className={`chips ${className}`}>
      {items.map((item) => (
        <View
          key={item.key}
          id={item.id}
          className={`chip ${item.key === value ? 'chip--on' : ''}`}
          role='radio'
          aria-checked={item.key === value}
          onClick={() => onChange(item.key)}
        >
          {item.label}
        </View>
      ))}
    </View>
  )
}
