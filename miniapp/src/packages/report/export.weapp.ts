// The mini-program: the workbook is written to the user data folder under the gateway's file
// name, then opened in WeChat's document viewer (its menu forwards or saves it).
import Taro from '@tarojs/taro'
import { appError } from '../../graphql/errors'
import type { ExcelFile } from '../../graphql/report-types'
import { t } from '../../i18n'

function writeBase64(filePath: string, data: string): Promise<void> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({
      filePath,
      data,
      encoding: 'base64',
      success: () => resolve(),
      fail: () => reject(appError('INTERNAL', t('report.saveFailed'))),
    })
  })
}

export async function saveExcel(file: ExcelFile): Promise<void> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${file.fileName}`
  await writeBase64(filePath, file.contentBase64)
  try {
    await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
  } catch {
    throw appError('INTERNAL', t('report.openFailed'))
  }
}
