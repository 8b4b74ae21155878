import Taro from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { MyUnreadMessageCountQuery, query } from '../../graphql'
import { MESSAGES_CHANGED } from '../../utils/events'

/**
 * The 消息 tile's badge: how many of my messages are unread ('3', '99+'), or undefined
 * when none are (or before the count arrives). Recounted when 消息 marks one read and by reload().
 */
export function useUnreadMessages(enabled: boolean) {
  const [badge, setBadge] = useState<string | undefined>()

  const reload = useCallback(async () => {
    try {
      const { myUnreadMessageCount: unread } = await query<{ myUnreadMessageCount: number }>(MyUnreadMessageCountQuery, {})
      setBadge(unread === 0 ? undefined : unread > 99 ? '99+' : String(unread))
    } catch {
      // a badge is only a hint: keep the last count (the 消息 page shows any error)
    }
  }, [])

  useEffect(() => {
    if (!enabled) return undefined
    reload()
    Taro.eventCenter.on(MESSAGES_CHANGED, reload)
    return () => {
      Taro.eventCenter.off(MESSAGES_CHANGED, reload)
    }
  }, [enabled, reload])

  return { badge, reload }
}
