import type { EntityManager } from '@mikro-orm/core';
import { activeOn } from '../../core/scope/load-scope';
import { RoomBinding } from '../customer/service';

/** The room's billing party (收费对象) on `day`, or null when nobody is bound. */
export async function billingPartyOf(em: EntityManager, roomId: string, day: string): Promise<string | null> {
  const binding = await em.findOne(RoomBinding, { room: roomId, isBillingParty: true, ...activeOn(day) }, { filters: false });
  return binding?.customer.id ?? null;
}
