// Page paths, in one place (app.config.ts lists the same pages).
export const ROUTES = {
  home: '/pages/index/index',
  login: '/pages/login/index',
  myRooms: '/packages/property/pages/my-rooms/index',
  bills: '/packages/billing/pages/bills/index',
  payments: '/packages/billing/pages/payments/index',
  billHistory: '/packages/billing/pages/history/index',
  receipt: '/packages/billing/pages/receipt/index',
  meterReading: '/packages/cashier/pages/meter-reading/index',
  billRun: '/packages/cashier/pages/bill-run/index',
  deskPayment: '/packages/cashier/pages/desk/index',
  dailyPayments: '/packages/cashier/pages/daily/index',
  reductionRefund: '/packages/cashier/pages/adjust/index',
  monthClose: '/packages/cashier/pages/month-close/index',
  reportCollection: '/packages/report/pages/collection/index',
  reportAging: '/packages/report/pages/aging/index',
  reportPrepaid: '/packages/report/pages/prepaid/index',
} as const
