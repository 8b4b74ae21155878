import { Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Btn } from '../../../../components/Btn'
import { ErrorBanner } from '../../../../components/ErrorBanner'
import { BankCollectionFileQuery, ImportBankResultMutation, mutate, query, useAction } from '../../../../graphql'
import type { BankCollectionFileData, BankResultSummary, ImportBankResultData } from '../../../../graphql/billing-types'
import type { EstateRef } from '../../../../graphql/types'
import { t } from '../../../../i18n'
import { CAN_DOWNLOAD, pickFile, saveCsv } from '../../../../utils/files'
import { formatFen } from '../../../../utils/money'
import { currentDate } from '../../../../utils/period'
import { DateStepper } from '../../components/DateStepper'
import { StaffPage } from '../../components/StaffPage'
import '../../cashier.css'

/** Rows of a CSV with a header line. */
const dataRows = (csv: string) => csv.split(/\r?\n/).filter((l) => l.trim()).length - 1

/** 导出托收文件: rooms owing on lines due on or before the date. */
function ExportCollection({ estate }: { estate: EstateRef }) {
  const today = currentDate()
  const [due, setDue] = useState(today)
  const [file, setFile] = useState<{ due: string; csv: string } | null>(null)
  const exporting = useAction(async () => {
    setFile(null)
    const { bankCollectionFile } = await query<BankCollectionFileData>(BankCollectionFileQuery, { estateId: estate.id, dueOnOrBefore: due })
    setFile({ due, csv: bankCollectionFile })
    if (dataRows(bankCollectionFile) > 0) await saveCsv(`托收-${estate.code}-${due}.csv`, bankCollectionFile)
  })
  const rows = file ? dataRows(file.csv) : 0
  return (
    <View className='card bank-export' id='bank-export-card'>
      <Text className='card__title'>{t('bank.exportTitle')}</Text>
      <Text className='muted card__hint'>{t('bank.exportHint')}</Text>
      <DateStepper id='bank-due' label={t('bank.dueDate')} value={due} onChange={(d) => { setDue(d); setFile(null) }} />
      <Btn id='bank-export' className='btn--block' disabled={exporting.busy} onClick={() => exporting.run()}>
        {exporting.busy ? t('bank.exporting') : t('bank.export')}
      </Btn>
      <ErrorBanner error={exporting.error} id='bank-export-error' />
      {file ? (
        rows > 0 ? (
          <View className='bank-file' id='bank-file' data-rows={rows} data-due={file.due}>
            <Text className='success bank-file__rows' id='bank-file-rows'>{t('bank.exportRows', { count: rows })}</Text>
            {CAN_DOWNLOAD ? null : (
              <>
                <Text className='muted card__hint'>{t('bank.fileText')}</Text>
                <Textarea className='bank-file__text' id='bank-file-text' value={file.csv} maxlength={-1} disabled autoHeight />
                <Btn id='bank-file-copy' className='btn--ghost btn--small btn--block' onClick={() => Taro.setClipboardData({ data: file.csv })}>
                  {t('file.copy')}
                </Btn>
              </>
            )}
          </View>
        ) : (
          <Text className='muted' id='bank-file-empty'>{t('bank.exportEmpty')}</Text>
        )
      ) : null}
    </View>
  )
}

/** 导入回盘: the bank's result; successful rows become 银行托收 payments, a bank_ref only once. */
function ImportResult({ estate }: { estate: EstateRef }) {
  const [result, setResult] = useState<{ name: string; summary: BankResultSummary } | null>(null)
  const importing = useAction(async () => {
    setResult(null)
    const file = await pickFile('csv', 'text')
    if (!file) return
    // a BOM (Excel's UTF-8 CSV) is not part of the first header
    const csv = file.content.replace(/^\uFEFF/, '')
    const { importBankResult } = await mutate<ImportBankResultData>(ImportBankResultMutation, { estateId: estate.id, csv })
    setResult({ name: file.name, summary: importBankResult })
  })
  const s = result?.summary
  return (
    <View className='card bank-import' id='bank-import-card'>
      <Text className='card__title'>{t('bank.importTitle')}</Text>
      <Text className='muted card__hint'>{t('bank.importHint')}</Text>
      <Btn id='bank-import' className='btn--ghost btn--block' disabled={importing.busy} onClick={() => importing.run()}>
        {importing.busy ? t('bank.importing') : t('bank.import')}
      </Btn>
      <ErrorBanner error={importing.error} id='bank-import-error' />
      {result && s ? (
        <View className='bank-result' id='bank-result' data-paid-fen={s.paidFen}>
          <Text className='success bank-result__file'>{t('bank.imported', { file: result.name })}</Text>
          <Text className='bank-result__row' id='bank-paid-rooms'>{t('bank.paidRooms', { count: s.paidRooms })}</Text>
          <Text className='bank-result__row' id='bank-paid-fen'>{t('bank.paidFen', { amount: formatFen(s.paidFen) })}</Text>
          <Text className={`bank-result__row ${s.failedRows ? 'bank-result__row--bad' : ''}`} id='bank-failed-rows'>{t('bank.failedRows', { count: s.failedRows })}</Text>
          <Text className='bank-result__row muted' id='bank-skipped-rows'>{t('bank.skippedRows', { count: s.skippedRows })}</Text>
        </View>
      ) : null}
    </View>
  )
}

/** 银行托收: the collection file for the bank, and its result file back. */
export default function BankPage() {
  return (
    <StaffPage className='bank-page'>
      {({ estate }) => (
        <>
          <ExportCollection key={`export-${estate.id}`} estate={estate} />
          <ImportResult key={`import-${estate.id}`} estate={estate} />
        </>
      )}
    </StaffPage>
  )
}
