import { View } from '@tarojs/components'

export interface TabItem<K extends string> { key: K; label: string; id: string }

export function Tabs<K extends string>({ items, active, onChange }: {
  items: TabItem<K>[]
  active: K
  onChange: (key: K) => void
}) {
  return (
    <View className='tabs'>
      {items.map((item) => (
        <View
          key={item.key}
          id={item.id}
          className={`tabs__item ${item.key === active ? 'tabs__item--active' : ''}`}
          onClick={() => onChange(item.key)}
        >
          {item.label}
        </View>
      ))}
    </View>
  )
}
