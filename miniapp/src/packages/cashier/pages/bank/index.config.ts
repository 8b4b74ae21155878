import { t } from '../../../../i18n'

export default definePageConfig({
  navigationBarTitleText: t('bank.title'),
})
