// Taro.eventCenter topics shared by pages in different packages.

/** A message was marked read on 消息: the home page recounts its unread badge. */
export const MESSAGES_CHANGED = 'messages:changed'
