import { t } from './i18n'

export default defineAppConfig({
  // the first page is the entry: it sends a signed-out visitor to the sign-in page
  pages: ['pages/index/index', 'pages/login/index'],
  subPackages: [
    { root: 'packages/property', pages: ['pages/my-rooms/index'] },
    { root: 'packages/billing', pages: ['pages/bills/index', 'pages/payments/index', 'pages/history/index', 'pages/receipt/index'] },
    {
      root: 'packages/cashier',
      pages: ['pages/meter-reading/index', 'pages/bill-run/index', 'pages/desk/index', 'pages/daily/index', 'pages/adjust/index', 'pages/month-close/index', 'pages/arrears/index', 'pages/bank/index'],
    },
    { root: 'packages/messages', pages: ['pages/list/index'] },
    { root: 'packages/report', pages: ['pages/collection/index', 'pages/aging/index', 'pages/prepaid/index'] },
  ],
  window: {
    // 'default' also turns on Taro's navigation bar (title, back, home) in the web build
    navigationStyle: 'default',
    navigationBarTitleText: t('app.name'),
    navigationBarBackgroundColor: '#1677ff',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f6fa',
    backgroundTextStyle: 'dark',
  },
})
