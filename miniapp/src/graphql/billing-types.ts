// Shapes of what billing.graphql, cashier.graphql and payment.graphql select (kept by hand
// beside them, as types.ts is for the other documents). Money fields are integer fen.
import type { BindingRelation, EstateRef, FamilyPermission, Role } from './types'

export type PaymentMethod = 'CASH' | 'CARD' | 'BANK_TRANSFER' | 'WECHAT' | 'BANK_COLLECTION'
export type DeskPaymentMethod = Exclude<PaymentMethod, 'WECHAT' | 'BANK_COLLECTION'>
export const DESK_METHODS: DeskPaymentMethod[] = ['CASH', 'CARD', 'BANK_TRANSFER']
export type ApprovalStatus = 'PENDING' | 'APPROVED' | 'REJECTED'
export type BillRunStatus = 'RUNNING' | 'DONE' | 'FAILED'
export type PaymentOrderStatus = 'CREATED' | 'PAID' | 'CLOSED' | 'REFUNDED'

/** fragment BillLineFields */
export interface BillLine {
  id: string
  period: string
  itemName: string
  amountFen: number
  paidFen: number
  reducedFen: number
  outstandingFen: number
  lateFeeFen: number
  dueDate: string
  explanation: string
}

/** fragment PaymentFields */
export interface Payment {
  id: string
  receiptNo: string
  amountFen: number
  prepaidFen: number
  method: PaymentMethod
  paidAt: string
  reversed: boolean
  roomId: string
  roomCode: string | null
  note: string | null
}

interface Page<T> {
  totalCount: number
  pageInfo: { hasNextPage: boolean; endCursor: string | null }
  nodes: T[]
}

export interface BillRoom {
  id: string
  code: string
  myRelation: BindingRelation | null
  myPermissions: FamilyPermission[]
  estate: { id: string; name: string }
}
export interface MyBillRoomsData { myRooms: BillRoom[] }

export interface RoomAccount {
  outstandingFen: number
  prepaidBalanceFen: number
  room: { id: string; code: string; chargeArea: string; estate: { id: string; name: string } }
  openLines: BillLine[]
}
export interface RoomAccountData { roomAccount: RoomAccount }
export interface RoomBillsData { roomBills: Page<BillLine> }
export interface RoomPaymentsData { roomPayments: Page<Payment> }
export interface ReceiptData {
  payment: Payment
  room: { id: string; code: string; estate: { id: string; name: string }; building: { name: string } }
}

export interface BillingStaffData {
  me: { id: string; roles: { role: Role; estate: EstateRef | null }[] }
  estates: EstateRef[]
}

/** fragment BillRunProgress */
export interface BillRun {
  id: string
  period: string
  status: BillRunStatus
  roomsDone: number
  roomsTotal: number
  linesCreated: number
  error: string | null
}

/** 当日收款: one Asia/Shanghai day of receipts (reversals as negatives), by method */
export interface MethodTotal { method: PaymentMethod; count: number; totalFen: number }
export interface DailyPayments {
  date: string
  count: number
  totalFen: number
  byMethod: MethodTotal[]
  payments: Payment[]
}
export interface DailyPaymentsData { dailyPayments: DailyPayments }

export interface FoundRoom { id: string; code: string; chargeArea: string; building: { name: string } }
export interface FindRoomsData { rooms: { totalCount: number; nodes: FoundRoom[] } }

export interface Approval { id: string; amountFen: number; reason: string; status: ApprovalStatus }

export interface ReadingInput {
  meterId: string
  period: string
  reading: string
  oldMeterFinal?: string
  newMeterBase?: string
}

export interface WechatPayParams {
  appId: string
  timeStamp: string
  nonceStr: string
  package: string
  signType: string
  paySign: string
}

/** fragment PaymentOrderState */
export interface PaymentOrder {
  id: string
  outTradeNo: string
  amountFen: number
  status: PaymentOrderStatus
  expiresAt: string
  payment: { id: string; receiptNo: string } | null
}
export interface CreatePaymentOrderData { createPaymentOrder: { order: PaymentOrder; wechatPay: WechatPayParams } }
export interface PaymentOrderData { paymentOrder: PaymentOrder }

/** query Meters */
export interface Meter {
  id: string
  code: string
  roomCode: string | null
  itemName: string
  multiplier: number
  lastReading: { period: string; reading: string } | null
}
export interface MetersData { meters: Meter[] }
export interface ImportMeterReadingsData { importMeterReadings: { id: string; period: string }[] }

/** query PendingApprovals */
export interface PendingReduction extends Approval { roomCode: string | null; lineId: string }
export interface PendingRefund extends Approval { roomCode: string | null }
export interface PendingApprovalsData { pendingApprovals: { reductions: PendingReduction[]; refunds: PendingRefund[] } }

/** query OverdueRooms */
export interface OverdueRoom { roomId: string; roomCode: string; overdueFen: number; oldestDueDate: string }
export interface OverdueRoomsData { overdueRooms: OverdueRoom[] }
export interface ReminderSummary { rooms: number; inApp: number; sms: number; smsFailed: number }
export interface SendArrearsRemindersData { sendArrearsReminders: ReminderSummary }

/** 银行托收 */
export interface BankCollectionFileData { bankCollectionFile: string }
export interface BankResultSummary { paidRooms: number; paidFen: number; failedRows: number; skippedRows: number }
export interface ImportBankResultData { importBankResult: BankResultSummary }

/** messages.graphql */
export interface Message { id: string; kind: string; title: string; body: string; readAt: string | null }
export interface MyMessagesData { myMessages: Page<Message> }
export interface MarkMessageReadData { markMessageRead: { id: string; readAt: string | null } }
