import { t } from '../../../../i18n'

export default definePageConfig({
  navigationBarTitleText: t('report.prepaidTitle'),
  enablePullDownRefresh: true,
})
