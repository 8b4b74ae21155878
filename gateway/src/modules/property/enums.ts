import { registerEnumType } from 'type-graphql';

export enum RoomType {
  RESIDENCE = 'RESIDENCE', // 住宅
  SHOP = 'SHOP', // 商铺
  PARKING = 'PARKING', // 车位
  STORAGE = 'STORAGE', // 储藏室
}
registerEnumType(RoomType, { name: 'RoomType', description: '房间类型' });

export enum RoomStatus {
  VACANT = 'VACANT', // 空置
  OCCUPIED = 'OCCUPIED', // 已入住
  RENOVATING = 'RENOVATING', // 装修中
}
registerEnumType(RoomStatus, { name: 'RoomStatus', description: '房间状态' });

export enum ParkingSpaceStatus {
  FREE = 'FREE',
  SOLD = 'SOLD',
  RENTED = 'RENTED',
}
registerEnumType(ParkingSpaceStatus, { name: 'ParkingSpaceStatus', description: '车位状态' });
