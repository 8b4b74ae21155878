import { registerEnumType } from 'type-graphql';

/** How an item's amount is computed (DOMAIN.md §4). */
export enum ChargeKind {
  PERIODIC_AREA = 'PERIODIC_AREA', // 常规：单价 × 收费面积
  PERIODIC_FIXED = 'PERIODIC_FIXED', // 常规：固定金额/月
  METERED = 'METERED', // 走表：(本次读数 − 上次读数) × 倍率 × 单价
  SHARED = 'SHARED', // 公摊：公共表用量 × 单价，按收费面积分摊
  ONE_OFF = 'ONE_OFF', // 临时费用
}
registerEnumType(ChargeKind, { name: 'ChargeKind', description: '计费方式' });

export enum BillRunStatus {
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}
registerEnumType(BillRunStatus, { name: 'BillRunStatus' });

export enum PaymentMethod {
  CASH = 'CASH', // 现金
  CARD = 'CARD', // 刷卡
  BANK_TRANSFER = 'BANK_TRANSFER', // 转账
  WECHAT = 'WECHAT', // 微信支付
  BANK_COLLECTION = 'BANK_COLLECTION', // 银行托收
}
registerEnumType(PaymentMethod, { name: 'PaymentMethod', description: '收款方式' });

export enum PrepaidEntryKind {
  DEPOSIT = 'DEPOSIT', // 预存
  OFFSET = 'OFFSET', // 预收冲抵
  REFUND = 'REFUND', // 退预存
  REVERSAL = 'REVERSAL', // 冲红
}
registerEnumType(PrepaidEntryKind, { name: 'PrepaidEntryKind' });

export enum ApprovalStatus {
  APPROVED = 'APPROVED',
  PENDING = 'PENDING', // above the threshold: waits for a manager
  REJECTED = 'REJECTED',
}
registerEnumType(ApprovalStatus, { name: 'ApprovalStatus', description: '审批状态' });
