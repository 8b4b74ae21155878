import type { GatewayContext } from '../../context';
import { parseArea } from '../../core/area';
import { Permission } from '../../core/auth/roles';
import { requireStaffPermission } from '../../core/auth/require';
import { ParkingSpace } from './entities';
import type { GenerateParkingSpacesInput } from './inputs';
import { getEstate } from './service';

/** 车位 codes: prefix + a 3-digit number, e.g. B1-001. */
export function parkingCode(prefix: string, n: number): string {
  return `${prefix}${String(n).padStart(3, '0')}`;
}

/** 批量生成车位 in a garage; existing codes are skipped. Returns how many were created. */
export async function generateParkingSpaces(ctx: GatewayContext, input: GenerateParkingSpacesInput): Promise<number> {
  const estate = await getEstate(ctx, input.estateId);
  requireStaffPermission(ctx, estate.id, Permission.PROPERTY_WRITE);
  const areaCenti = parseArea(input.area, 'area');
  const codes = Array.from({ length: input.count }, (_, i) => parkingCode(input.codePrefix, input.from + i));
  return ctx.em.transactional(async (em) => {
    const existing = new Set((await em.find(ParkingSpace, { estate, code: { $in: codes } }, { fields: ['code'] })).map((p) => p.code));
    const fresh = codes.filter((c) => !existing.has(c));
    for (const code of fresh) em.persist(em.create(ParkingSpace, { estate, garage: input.garage, code, areaCenti }));
    ctx.audit.record(em, { action: 'parking.generate', estateId: estate.id, entityType: 'ParkingSpace', after: { garage: input.garage, created: fresh.length, first: fresh[0] ?? null } });
    return fresh.length;
  });
}
