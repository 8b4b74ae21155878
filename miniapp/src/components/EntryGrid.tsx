import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { t, type MessageKey } from '../i18n'

export interface Entry {
  key: MessageKey
  /** the page to open; without one the entry is shown as 即将上线 */
  url?: string
  icon: string
  badge?: string
  /** a red badge (something waiting, e.g. unread messages) rather than a blue count */
  alert?: boolean
}

/** The tiles of a home section. Modules not built yet stay visible but say 即将上线. */
export function EntryGrid({ entries }: { entries: Entry[] }) {
  const open = (entry: Entry) => {
    if (entry.url) Taro.navigateTo({ url: entry.url })
    else Taro.showToast({ title: t('common.comingSoon'), icon: 'none' })
  }
  return (
    <View className='entry-grid'>
      {entries.map((entry) => (
        <View
          key={entry.key}
          id={`entry-${entry.key.replace('entry.', '')}`}
          className={`entry ${entry.url ? '' : 'entry--soon'}`}
          onClick={() => open(entry)}
        >
          <View className='entry__icon'>{entry.icon}</View>
          <Text className='entry__label'>{t(entry.key)}</Text>
          {entry.url ? (
            entry.badge ? <Text className={`entry__badge ${entry.alert ? 'entry__badge--alert' : ''}`}>{entry.badge}</Text> : null
          ) : (
            <Text className='entry__soon'>{t('common.comingSoon')}</Text>
          )}
        </View>
      ))}
    </View>
  )
}
