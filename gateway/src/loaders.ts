import type { GatewayContext } from './context';
import { byIdLoader, groupedLoader } from './core/loader-utils';
import { activeOn } from './core/scope/load-scope';
import { Customer, RoomBinding } from './modules/customer/entities';
import { BindingRelation } from './modules/customer/enums';

/** Owners first, then family, then tenants: the order a room's residents are shown in. */
const RELATION_ORDER: Record<BindingRelation, number> = { OWNER: 0, FAMILY: 1, TENANT: 2 };
import { Building, Estate, Room, Unit } from './modules/property/entities';
import { ChargeItem } from './modules/billing/entities';

/** Dataloaders built per request from the scoped fork: batching never widens what a viewer sees. */
export function createLoaders(ctx: GatewayContext) {
  const em = ctx.em;
  return {
    estate: byIdLoader(em, Estate),
    building: byIdLoader(em, Building),
    unit: byIdLoader(em, Unit),
    room: byIdLoader(em, Room),
    customer: byIdLoader(em, Customer),
    chargeItem: byIdLoader(em, ChargeItem),
    /** Today's bindings of each room that the viewer may see. */
    activeBindingsByRoom: groupedLoader(
      async (roomIds) =>
        (await em.find(RoomBinding, { room: { $in: roomIds }, ...activeOn(ctx.today) }, { orderBy: { startDate: 'asc', id: 'asc' } })).sort(
          (a, b) => RELATION_ORDER[a.relation] - RELATION_ORDER[b.relation],
        ),
      (b) => b.room.id,
    ),
    /** Every binding (history included) of each customer that the viewer may see. */
    bindingsByCustomer: groupedLoader(
      (customerIds) => em.find(RoomBinding, { customer: { $in: customerIds } }, { orderBy: { startDate: 'desc' } }),
      (b) => b.customer.id,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
