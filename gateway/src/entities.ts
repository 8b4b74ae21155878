import { AuditEntry } from './core/audit/entities';
import { Customer, RoomBinding } from './modules/customer/entities';
import { RefreshToken, RoleGrant, Session, SmsCode, User } from './modules/identity/entities';
import { Building, Estate, Floor, ParkingSpace, Room, Unit } from './modules/property/entities';

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
];
