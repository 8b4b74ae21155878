/** Room codes such as A-2-1503: building, unit, floor (two digits), room on the floor (two digits). */
export function roomCode(building: string, unit: string | null, floor: number, room: number): string {
  const number = `${String(floor).padStart(2, '0')}${String(room).padStart(2, '0')}`;
  return unit ? `${building}-${unit}-${number}` : `${building}-${number}`;
}

export interface RoomSlot {
  unit: string | null;
  floor: number;
  room: number;
  code: string;
}

/** Every slot of a building: units × floors × rooms per floor (units = 0: no unit level). */
export function roomSlots(building: string, units: number, floors: number, roomsPerFloor: number): RoomSlot[] {
  const slots: RoomSlot[] = [];
  const unitCodes = units === 0 ? [null] : Array.from({ length: units }, (_, i) => String(i + 1));
  for (const unit of unitCodes) {
    for (let floor = 1; floor <= floors; floor++) {
      for (let room = 1; room <= roomsPerFloor; room++) {
        slots.push({ unit, floor, room, code: roomCode(building, unit, floor, room) });
      }
    }
  }
  return slots;
}
