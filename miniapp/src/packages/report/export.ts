// The web portal: the workbook becomes a Blob downloaded under the gateway's file name through an
// <a download>. The mini-program build uses export.weapp.ts instead.
import Taro from '@tarojs/taro'
import type { ExcelFile } from '../../graphql/report-types'
import { t } from '../../i18n'

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(new ArrayBuffer(binary.length))
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

export async function saveExcel(file: ExcelFile): Promise<void> {
  const blob = new Blob([bytesOf(file.contentBase64)], { type: file.contentType })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  // the download has started from the object URL; let it go once the browser has read it
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  Taro.showToast({ title: t('report.exported'), icon: 'success' })
}
