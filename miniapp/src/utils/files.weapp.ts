// The mini-program: a file comes from a chat (chooseMessageFile) and is read with the file system
// manager. WeChat's document viewer does not open .csv, so a CSV is written to the user data
// folder and the page shows its text with a copy button (CAN_DOWNLOAD false).
import Taro from '@tarojs/taro'
import { appError } from '../graphql/errors'
import { t } from '../i18n'

export type FileKind = 'xlsx' | 'csv'
export interface PickedFile { name: string; content: string }

export const CAN_DOWNLOAD = false

function readFile(filePath: string, encoding: 'base64' | 'utf8'): Promise<string> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath,
      encoding,
      success: (res) => resolve(typeof res.data === 'string' ? res.data : ''),
      fail: () => reject(appError('INTERNAL', t('file.readFailed'))),
    })
  })
}

export async function pickFile(kind: FileKind, as: 'base64' | 'text'): Promise<PickedFile | null> {
  let chosen: Taro.chooseMessageFile.SuccessCallbackResult
  try {
    chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: [kind] })
  } catch {
    return null // cancelled
  }
  const file = chosen.tempFiles[0]
  if (!file) return null
  return { name: file.name, content: await readFile(file.path, as === 'base64' ? 'base64' : 'utf8') }
}

/** Keeps a copy in the user data folder; the page shows the text to copy. */
export async function saveCsv(fileName: string, text: string): Promise<void> {
  await new Promise<void>((resolve) => {
    Taro.getFileSystemManager().writeFile({
      filePath: `${Taro.env.USER_DATA_PATH}/${fileName}`,
      data: text,
      encoding: 'utf8',
      success: () => resolve(),
      fail: () => resolve(), // the text on the page is what matters
    })
  })
}
