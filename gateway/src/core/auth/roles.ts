import { registerEnumType } from 'type-graphql';

/** DOMAIN.md §1. A role is held per estate (HQ_ADMIN: for all estates). */
export enum Role {
  OWNER = 'OWNER', // 业主
  FAMILY = 'FAMILY', // 家庭成员
  TENANT = 'TENANT', // 租户
  CS_AGENT = 'CS_AGENT', // 客服助理
  CS_SUPERVISOR = 'CS_SUPERVISOR', // 客服主管
  TECHNICIAN = 'TECHNICIAN', // 维修技工
  CASHIER = 'CASHIER', // 收费员/财务
  MANAGER = 'MANAGER', // 管理处经理
  HQ_ADMIN = 'HQ_ADMIN', // 总部
  COMMITTEE = 'COMMITTEE', // 业委会成员
}
registerEnumType(Role, { name: 'Role', description: '角色' });

export const STAFF_ROLES: readonly Role[] = [
  Role.CS_AGENT,
  Role.CS_SUPERVISOR,
  Role.TECHNICIAN,
  Role.CASHIER,
  Role.MANAGER,
  Role.HQ_ADMIN,
];

/** What a staff member may click. Everything in a staff menu is one of these. */
export enum Permission {
  PROPERTY_READ = 'PROPERTY_READ',
  PROPERTY_WRITE = 'PROPERTY_WRITE', // generate rooms, import
  CUSTOMER_READ = 'CUSTOMER_READ',
  CUSTOMER_WRITE = 'CUSTOMER_WRITE', // customers, move-in, tenants, transfer
  AUDIT_READ = 'AUDIT_READ',
  BILLING_SETUP = 'BILLING_SETUP', // charge items, assignments, meters
  BILLING_OPERATE = 'BILLING_OPERATE', // readings, bill runs, desk payments, reductions, refunds, reversals, month close
  BILLING_APPROVE = 'BILLING_APPROVE', // large reductions and refunds
  BILLING_READ = 'BILLING_READ', // lines, payments and reports of the estate
  REPORT_READ = 'REPORT_READ', // 报表: collection, arrears aging, prepaid balances (also the committee, read-only)
}

const ALL = Object.values(Permission);

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  [Role.OWNER]: [],
  [Role.FAMILY]: [],
  [Role.TENANT]: [],
  [Role.COMMITTEE]: [Permission.REPORT_READ],
  [Role.CS_AGENT]: [Permission.PROPERTY_READ, Permission.CUSTOMER_READ, Permission.CUSTOMER_WRITE, Permission.BILLING_READ],
  [Role.CS_SUPERVISOR]: [Permission.PROPERTY_READ, Permission.CUSTOMER_READ, Permission.CUSTOMER_WRITE],
  [Role.TECHNICIAN]: [Permission.PROPERTY_READ, Permission.CUSTOMER_READ],
  [Role.CASHIER]: [Permission.PROPERTY_READ, Permission.CUSTOMER_READ, Permission.BILLING_SETUP, Permission.BILLING_OPERATE, Permission.BILLING_READ, Permission.REPORT_READ],
  [Role.MANAGER]: ALL,
  [Role.HQ_ADMIN]: ALL,
};
