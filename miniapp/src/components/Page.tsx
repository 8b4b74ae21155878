import { View } from '@tarojs/components'
import type { ReactNode } from 'react'

/** The page column: full width on a phone, a centred max-width column on a desktop. */
export function Page({ children, className = '' }: { children: ReactNode; className?: string }) {
  return (
    <View className={`page ${className}`}>
      <View className='page__body'>{children}</View>
    </View>
  )
}
