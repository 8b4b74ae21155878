import { AuditEntry } from './core/audit/entities';
import { PaymentOrder } from './modules/payment/entities';
import { Message } from './modules/messaging/entities';
import { Customer, RoomBinding } from './modules/customer/entities';
import { RefreshToken, RoleGrant, Session, SmsCode, User } from './modules/identity/entities';
import { Building, Estate, Floor, ParkingSpace, Room, Unit } from './modules/property/entities';
import {
  Allocation,
  BillLine,
  BillRun,
  ChargeItem,
  Meter,
  MeterReading,
  Payment,
  PeriodClose,
  PrepaidEntry,
  ReceiptCounter,
  Reduction,
  Refund,
  RoomCharge,
} from './modules/billing/entities';

export const allEntities = [
  Estate,
  Building,
  Unit,
  Floor,
  Room,
  ParkingSpace,
  Customer,
  RoomBinding,
  User,
  RoleGrant,
  Session,
  RefreshToken,
  SmsCode,
  AuditEntry,
  ChargeItem,
  RoomCharge,
  Meter,
  MeterReading,
  BillRun,
  BillLine,
  Payment,
  Allocation,
  PrepaidEntry,
  ReceiptCounter,
  Reduction,
  Refund,
  PeriodClose,
  PaymentOrder,
  Message,
];
