import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useState } from 'react'
import { Btn } from '../../../../components/Btn'
import { Checkbox } from '../../../../components/Checkbox'
import { ErrorBanner } from '../../../../components/ErrorBanner'
import { Loading } from '../../../../components/Loading'
import { OverdueRoomsQuery, SendArrearsRemindersMutation, mutate, query, useAction } from '../../../../graphql'
import type { OverdueRoom, OverdueRoomsData, ReminderSummary, SendArrearsRemindersData } from '../../../../graphql/billing-types'
import type { EstateRef } from '../../../../graphql/types'
import { t } from '../../../../i18n'
import { formatFen } from '../../../../utils/money'
import { StaffPage } from '../../components/StaffPage'
import '../../cashier.css'

const PAGE = 30

function Arrears({ estate }: { estate: EstateRef }) {
  const [rooms, setRooms] = useState<OverdueRoom[] | null>(null)
  const [hasMore, setHasMore] = useState(false)
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [confirmingAll, setConfirmingAll] = useState(false)
  const [summary, setSummary] = useState<ReminderSummary | null>(null)

  // pages follow room codes: `after` is the last code shown
  const load = useAction(
    useCallback(async (after: string | null) => {
      const { overdueRooms } = await query<OverdueRoomsData>(OverdueRoomsQuery, { estateId: estate.id, first: PAGE, after })
      setRooms((shown) => (after && shown ? [...shown, ...overdueRooms] : overdueRooms))
      setHasMore(overdueRooms.length === PAGE)
    }, [estate.id]),
  )
  useEffect(() => {
    load.run(null)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [estate.id])

  const send = useAction(async (roomIds: string[]) => {
    setSummary(null)
    const { sendArrearsReminders } = await mutate<SendArrearsRemindersData>(SendArrearsRemindersMutation, { estateId: estate.id, roomIds })
    setSummary(sendArrearsReminders)
    setConfirmingAll(false)
    setSelected(new Set())
  })

  const toggle = (roomId: string) => {
    const next = new Set(selected)
    if (next.has(roomId)) next.delete(roomId)
    else next.add(roomId)
    setSelected(next)
  }
  const allShown = !!rooms?.length && rooms.every((r) => selected.has(r.roomId))

  return (
    <>
      <View className='card' id='arrears-rooms'>
        <Text className='card__title'>{t('arrears.title')}</Text>
        <Text className='muted card__hint'>{t('arrears.hint')}</Text>
        <ErrorBanner error={load.error} id='arrears-error' />
        {rooms === null ? (
          load.error ? null : <Loading />
        ) : !rooms.length ? (
          <Text className='muted' id='arrears-empty'>{t('arrears.empty')}</Text>
        ) : (
          <>
            <View className='arrears-select-all' id='arrears-select-all' onClick={() => setSelected(allShown ? new Set() : new Set(rooms.map((r) => r.roomId)))}>
              <Checkbox checked={allShown} />
              <Text>{t('arrears.selectAll')}</Text>
              <Text className='muted arrears-selected' id='arrears-selected'>{t('arrears.selected', { count: selected.size })}</Text>
            </View>
            {rooms.map((r) => (
              <View
                key={r.roomId}
                id={`arrears-room-${r.roomCode}`}
                className={`arrears-room ${selected.has(r.roomId) ? 'arrears-room--on' : ''}`}
                data-room-id={r.roomId}
                data-fen={r.overdueFen}
                onClick={() => toggle(r.roomId)}
              >
                <Checkbox checked={selected.has(r.roomId)} />
                <View className='arrears-room__body'>
                  <Text className='arrears-room__code'>{r.roomCode}</Text>
                  <Text className='muted arrears-room__due'>{t('arrears.due', { date: r.oldestDueDate })}</Text>
                </View>
                <Text className='arrears-room__amount'>{formatFen(r.overdueFen)}</Text>
              </View>
            ))}
            {hasMore ? (
              <Btn id='arrears-more' className='btn--ghost btn--small btn--block' disabled={load.busy} onClick={() => load.run(rooms[rooms.length - 1].roomCode)}>
                {t('arrears.more')}
              </Btn>
            ) : null}
          </>
        )}
      </View>
      {rooms?.length ? (
        <View className='card arrears-actions'>
          {summary ? (
            <View className='success arrears-summary' id='arrears-summary' data-rooms={summary.rooms}>
              <Text>{t('arrears.sent', { rooms: summary.rooms, inApp: summary.inApp, sms: summary.sms })}</Text>
              {summary.smsFailed ? <Text className='arrears-summary__failed' id='arrears-sms-failed'>{' '}{t('arrears.smsFailed', { count: summary.smsFailed })}</Text> : null}
            </View>
          ) : null}
          <ErrorBanner error={send.error} id='arrears-send-error' />
          <Btn id='arrears-send' className='btn--block' disabled={send.busy || !selected.size} onClick={() => send.run([...selected])}>
            {t('arrears.sendSelected', { count: selected.size })}
          </Btn>
          {confirmingAll ? (
            <View className='confirm-box' id='arrears-send-all-box'>
              <Text className='confirm-box__question'>{t('arrears.confirmAll')}</Text>
              <View className='btn-row'>
                <Btn id='arrears-send-all-confirm' className='btn--small btn--danger' disabled={send.busy} onClick={() => send.run([])}>
                  {t('common.confirm')}
                </Btn>
                <Btn id='arrears-send-all-cancel' className='btn--small btn--plain' onClick={() => setConfirmingAll(false)}>
                  {t('common.cancel')}
                </Btn>
              </View>
            </View>
          ) : (
            <Btn id='arrears-send-all' className='btn--ghost btn--block arrears-send-all' disabled={send.busy} onClick={() => setConfirmingAll(true)}>
              {t('arrears.sendAll')}
            </Btn>
          )}
        </View>
      ) : null}
    </>
  )
}

/** 欠费催缴: overdue rooms; a reminder (in-app message and SMS) to the chosen ones or all. */
export default function ArrearsPage() {
  return (
    <StaffPage className='arrears-page'>
      {({ estate }) => <Arrears key={estate.id} estate={estate} />}
    </StaffPage>
  )
}
