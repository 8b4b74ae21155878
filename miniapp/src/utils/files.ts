// The web portal: picking a file is an <input type=file> (kept in the page while the chooser is
// open, id `file-input`, so a browser test can set its files) read with FileReader; a CSV is
// downloaded as a Blob with a UTF-8 BOM (Excel otherwise reads it as GBK). The mini-program
// build uses files.weapp.ts instead.
import Taro from '@tarojs/taro'
import { appError } from '../graphql/errors'
import { t } from '../i18n'

export type FileKind = 'xlsx' | 'csv'
export interface PickedFile { name: string; content: string }

/** The web can hand a CSV to the user as a file; the mini-program shows its text to copy. */
export const CAN_DOWNLOAD = true

/** Lets the user choose one file; its content as base64 or text, or null when nothing was chosen. */
export function pickFile(kind: FileKind, as: 'base64' | 'text'): Promise<PickedFile | null> {
  return new Promise((resolve, reject) => {
    document.getElementById('file-input')?.remove()
    const input = document.createElement('input')
    input.type = 'file'
    input.id = 'file-input'
    input.accept = `.${kind}`
    input.style.display = 'none'
    document.body.appendChild(input)
    input.addEventListener('cancel', () => {
      input.remove()
      resolve(null)
    })
    input.addEventListener('change', () => {
      const file = input.files?.[0]
      input.remove()
      if (!file) return resolve(null)
      const reader = new FileReader()
      reader.onerror = () => reject(appError('INTERNAL', t('file.readFailed')))
      reader.onload = () => {
        const result = String(reader.result ?? '')
        // a data URL: data:<type>;base64,<data>
        resolve({ name: file.name, content: as === 'base64' ? result.slice(result.indexOf(',') + 1) : result })
      }
      if (as === 'base64') reader.readAsDataURL(file)
      else reader.readAsText(file, 'utf-8')
    })
    input.click()
  })
}

/** Downloads text as a .csv file with a BOM, so Excel opens it as UTF-8. */
export async function saveCsv(fileName: string, text: string): Promise<void> {
  const blob = new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  Taro.showToast({ title: t('file.downloaded'), icon: 'success' })
}
