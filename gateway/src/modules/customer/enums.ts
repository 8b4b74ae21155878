import { registerEnumType } from 'type-graphql';

export enum CustomerKind {
  PERSON = 'PERSON', // 个人
  COMPANY = 'COMPANY', // 企业
}
registerEnumType(CustomerKind, { name: 'CustomerKind', description: '客户类型' });

/** 客户与客房关系 */
export enum BindingRelation {
  OWNER = 'OWNER', // 业主
  FAMILY = 'FAMILY', // 家庭成员
  TENANT = 'TENANT', // 租户
}
registerEnumType(BindingRelation, { name: 'BindingRelation', description: '与房间的关系' });

/** What an owner grants a family member (DOMAIN.md §1: default view bills, pay, file repairs). */
export enum FamilyPermission {
  VIEW_BILLS = 'VIEW_BILLS', // 查看账单
  PAY = 'PAY', // 缴费
  FILE_REPAIRS = 'FILE_REPAIRS', // 报修
}
registerEnumType(FamilyPermission, { name: 'FamilyPermission', description: '家庭成员权限' });

export const ALL_FAMILY_PERMISSIONS = Object.values(FamilyPermission);

export enum BindingEndReason {
  MOVED_OUT = 'MOVED_OUT', // 迁出
  TRANSFERRED = 'TRANSFERRED', // 过户
  REMOVED = 'REMOVED', // 业主移除家庭成员
}
registerEnumType(BindingEndReason, { name: 'BindingEndReason' });
