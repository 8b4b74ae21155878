/** The error codes a client can rely on (extensions.code). */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  INTERNAL = 'INTERNAL',
}

/** Default Chinese messages, shown by the apps as they are. Modules pass more specific ones. */
export const defaultMessages: Record<ErrorCode, string> = {
  [ErrorCode.UNAUTHENTICATED]: '请先登录',
  [ErrorCode.FORBIDDEN]: '您没有权限执行此操作',
  [ErrorCode.NOT_FOUND]: '记录不存在',
  [ErrorCode.BAD_USER_INPUT]: '输入有误，请检查后重试',
  [ErrorCode.CONFLICT]: '操作冲突，请刷新后重试',
  [ErrorCode.RATE_LIMITED]: '操作过于频繁，请稍后再试',
  [ErrorCode.INTERNAL]: '系统繁忙，请稍后再试',
};
