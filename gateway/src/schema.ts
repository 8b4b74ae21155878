import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { authChecker } from './core/auth/auth-checker';
import { AuditResolver } from './core/audit/resolver';
import type { GatewayPubSub } from './core/pubsub';
import { CustomerResolver, RoomBindingResolver } from './modules/customer/resolver';
import { IdentityResolver, RoleGrantResolver } from './modules/identity/resolver';
import { BillLineResolver, BillingSetupResolver, PaymentResolver } from './modules/billing/resolver';
import { PaymentOrderResolver } from './modules/payment/resolver';
import { MeterListResolver, ReductionFieldsResolver, RefundFieldsResolver } from './modules/billing/staff-lists';
import { MessagingResolver } from './modules/messaging/resolver';
import { BuildingResolver, EstateResolver, ParkingSpaceResolver, RoomResolver } from './modules/property/resolver';
import { ReportResolver } from './modules/report/resolver';

export const resolvers = [
  IdentityResolver,
  RoleGrantResolver,
  EstateResolver,
  BuildingResolver,
  RoomResolver,
  ParkingSpaceResolver,
  CustomerResolver,
  RoomBindingResolver,
  AuditResolver,
  BillingSetupResolver,
  BillLineResolver,
  PaymentResolver,
  PaymentOrderResolver,
  MeterListResolver,
  ReductionFieldsResolver,
  RefundFieldsResolver,
  MessagingResolver,
  ReportResolver,
] as const;

/** The one schema; `schema/schema.graphql` is this, printed (scripts/emit-schema.ts). */
export function buildGatewaySchema(pubSub: GatewayPubSub): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    authChecker,
    authMode: 'error',
    pubSub: pubSub as never,
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
  });
}
