import { View } from '@tarojs/components'
import { Btn } from '../../../components/Btn'
import { ErrorBanner } from '../../../components/ErrorBanner'
import { ExportReportQuery, query, useAction } from '../../../graphql'
import type { ExportReportData, ReportKind } from '../../../graphql/report-types'
import { t } from '../../../i18n'
import { saveExcel } from '../export'

/** 导出Excel: the gateway builds the .xlsx; the web downloads it, the mini-program opens it. */
export function ExportButton({ id, kind, estateId, period }: { id: string; kind: ReportKind; estateId: string; period?: string }) {
  const exporting = useAction(async () => {
    const { exportReport } = await query<ExportReportData>(ExportReportQuery, { kind, estateId, period })
    await saveExcel(exportReport)
  })
  return (
    <View className='report-export'>
      <Btn id={id} className='btn--ghost btn--block' disabled={exporting.busy} onClick={() => exporting.run()}>
        {exporting.busy ? t('report.exporting') : t('report.export')}
      </Btn>
      <ErrorBanner error={exporting.error} id={`${id}-error`} />
    </View>
  )
}
