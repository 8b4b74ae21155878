import { t } from '../../../../i18n'

export default definePageConfig({
  navigationBarTitleText: t('daily.title'),
  enablePullDownRefresh: true,
})
