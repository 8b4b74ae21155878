import type { EntityManager } from '@mikro-orm/core';
import { Building, Estate, Floor, Unit } from './entities';

/**
 * Finds or creates the building → unit → floor path of rooms being added, caching what it saw,
 * so generating or importing hundreds of rooms costs a few statements, not one per room.
 */
export class PropertyTreeBuilder {
  private readonly buildings = new Map<string, Building>();
  private readonly units = new Map<string, Unit>();
  private readonly floors = new Map<string, Floor>();

  constructor(
    private readonly em: EntityManager,
    private readonly estate: Estate,
  ) {}

  async preload(): Promise<void> {
    const [buildings, units, floors] = await Promise.all([
      this.em.find(Building, { estate: this.estate }),
      this.em.find(Unit, { estate: this.estate }),
      this.em.find(Floor, { estate: this.estate }),
    ]);
    for (const b of buildings) this.buildings.set(b.code, b);
    for (const u of units) this.units.set(`${u.building.id}/${u.code}`, u);
    for (const f of floors) this.floors.set(`${f.building.id}/${f.unit?.id ?? ''}/${f.level}`, f);
  }

  building(code: string, name?: string): Building {
    let b = this.buildings.get(code);
    if (!b) {
      b = this.em.create(Building, { estate: this.estate, code, name: name ?? `${code}栋` });
      this.em.persist(b);
      this.buildings.set(code, b);
    }
    return b;
  }

  unit(building: Building, code: string | null): Unit | null {
    if (!code) return null;
    const key = `${building.id}/${code}`;
    let u = this.units.get(key);
    if (!u) {
      u = this.em.create(Unit, { estate: this.estate, building, code });
      this.em.persist(u);
      this.units.set(key, u);
    }
    return u;
  }

  floor(building: Building, unit: Unit | null, level: number): Floor {
    const key = `${building.id}/${unit?.id ?? ''}/${level}`;
    let f = this.floors.get(key);
    if (!f) {
      f = this.em.create(Floor, { estate: this.estate, building, unit, level });
      this.em.persist(f);
      this.floors.set(key, f);
    }
    return f;
  }
}
