import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { Btn } from '../../../../components/Btn'
import { ErrorBanner } from '../../../../components/ErrorBanner'
import { Loading } from '../../../../components/Loading'
import { Page } from '../../../../components/Page'
import { MarkMessageReadMutation, MyMessagesQuery, mutate, useAction } from '../../../../graphql'
import type { MarkMessageReadData, Message, MyMessagesData } from '../../../../graphql/types'
import { usePaged } from '../../../../hooks/usePaged'
import { t } from '../../../../i18n'
import { MESSAGES_CHANGED } from '../../../../utils/events'
import { formatDateTime } from '../../../../utils/period'
import '../../messages.css'

const PAGE_SIZE = 20

function MessageRow({ message, onOpen }: { message: Message; onOpen: () => void }) {
  const unread = !message.readAt
  return (
    <View
      className={`message-row ${unread ? 'message-row--unread' : ''}`}
      id={`message-${message.id}`}
      data-message-id={message.id}
      data-kind={message.kind}
      onClick={onOpen}
    >
      <View className='message-row__head'>
        {unread ? <View className='message-row__dot' /> : null}
        <Text className='message-row__title'>{message.title}</Text>
        {unread ? <Text className='tag tag--red message-row__unread'>{t('messages.unread')}</Text> : null}
      </View>
      <Text className='message-row__body'>{message.body}</Text>
      <Text className='message-row__time'>{formatDateTime(message.sentAt)}</Text>
    </View>
  )
}

/** 消息: my in-app messages (欠费提醒 …), newest first; a tap on an unread one marks it read. */
export default function MessagesPage() {
  const list = usePaged<MyMessagesData, Message>(MyMessagesQuery, { first: PAGE_SIZE }, (d) => d.myMessages)
  // readAt of the messages marked here, over the list as loaded
  const [readAt, setReadAt] = useState<Record<string, string>>({})

  usePullDownRefresh(() => {
    list.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const markRead = useAction(async (message: Message) => {
    if (message.readAt || readAt[message.id]) return
    const data = await mutate<MarkMessageReadData>(MarkMessageReadMutation, { id: message.id })
    const at = data.markMessageRead.readAt ?? new Date().toISOString()
    setReadAt((prev) => ({ ...prev, [message.id]: at }))
    Taro.eventCenter.trigger(MESSAGES_CHANGED)
  })

  return (
    <Page className='messages-page'>
      {!list.nodes ? (
        list.error ? <ErrorBanner error={list.error} id='messages-error' /> : <Loading />
      ) : (
        <View className='card message-list' id='message-list'>
          <ErrorBanner error={list.error} />
          <ErrorBanner error={markRead.error} id='message-read-error' />
          {list.nodes.length === 0 ? <View className='muted' id='messages-empty'>{t('messages.empty')}</View> : null}
          {list.nodes.map((m) => {
            const message = readAt[m.id] ? { ...m, readAt: readAt[m.id] } : m
            return <MessageRow key={m.id} message={message} onOpen={() => markRead.run(message)} />
          })}
          {list.hasMore ? (
            <Btn id='messages-more' className='btn--plain btn--small btn--block load-more' disabled={list.busy} onClick={list.more}>
              {t('messages.more')}
            </Btn>
          ) : null}
        </View>
      )}
    </Page>
  )
}
