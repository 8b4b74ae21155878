import { Text, View } from '@tarojs/components'
import type { AppError } from '../graphql/errors'

/** The server's Chinese message, shown as is (field messages are shown beside their fields). */
export function ErrorBanner({ error, id }: { error: AppError | null | undefined; id?: string }) {
  if (!error) return null
  return (
    <View className={`error-banner error-banner--${error.code}`} id={id}>
      <Text>{error.message}</Text>
    </View>
  )
}
