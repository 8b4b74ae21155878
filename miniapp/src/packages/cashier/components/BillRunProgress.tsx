import { Text, View } from '@tarojs/components'
import type { BillRun } from '../../../graphql/billing-types'
import { t } from '../../../i18n'

const STATUS_TAG = { RUNNING: 'tag--blue', DONE: 'tag--green', FAILED: 'tag--red' } as const

/** roomsDone / roomsTotal as a bar, lines created, and the error of a failed run. */
export function BillRunProgress({ run }: { run: BillRun }) {
  const percent = run.roomsTotal ? Math.floor((run.roomsDone * 100) / run.roomsTotal) : run.status === 'RUNNING' ? 0 : 100
  return (
    <View className='card bill-run' id='billrun-progress' data-status={run.status}>
      <View className='bill-run__head'>
        <Text className='card__title bill-run__period'>{run.period}</Text>
        <Text className={`tag ${STATUS_TAG[run.status]}`} id='billrun-status'>{t(`billRun.status.${run.status}`)}</Text>
      </View>
      <View className='progress'>
        <View className={`progress__bar progress__bar--${run.status}`} style={{ width: `${percent}%` }} />
      </View>
      <Text className='bill-run__figure' id='billrun-rooms'>{t('billRun.rooms', { done: run.roomsDone, total: run.roomsTotal })}</Text>
      <Text className='bill-run__figure' id='billrun-lines'>{t('billRun.lines', { count: run.linesCreated })}</Text>
      {run.status === 'DONE' && run.linesCreated === 0 ? <Text className='muted' id='billrun-nothing'>{t('billRun.noNewLines')}</Text> : null}
      {run.error ? <View className='error-banner' id='billrun-error'>{run.error}</View> : null}
    </View>
  )
}
