// Shapes of what the operations in schema/operations select (kept by hand beside them).

export type Role =
  | 'OWNER' | 'FAMILY' | 'TENANT'
  | 'CS_AGENT' | 'CS_SUPERVISOR' | 'TECHNICIAN' | 'CASHIER' | 'MANAGER' | 'HQ_ADMIN'
  | 'COMMITTEE'
export type BindingRelation = 'OWNER' | 'FAMILY' | 'TENANT'
export type FamilyPermission = 'VIEW_BILLS' | 'PAY' | 'FILE_REPAIRS'
export type RoomType = 'RESIDENCE' | 'SHOP' | 'PARKING' | 'STORAGE'
export type RoomStatus = 'VACANT' | 'OCCUPIED' | 'RENOVATING'
export type CustomerKind = 'PERSON' | 'COMPANY'

export const FAMILY_PERMISSIONS: FamilyPermission[] = ['VIEW_BILLS', 'PAY', 'FILE_REPAIRS']

export interface EstateRef { id: string; code: string; name: string }

/** fragment ViewerSummary */
export interface ViewerSummary {
  id: string
  displayName: string
  phone: string | null
  account: string | null
  hasPassword: boolean
  isStaff: boolean
  roles: { role: Role; estate: EstateRef | null }[]
}

/** fragment AuthSession */
export interface AuthSession {
  accessToken: string
  refreshToken: string
  expiresIn: number
  viewer: ViewerSummary
}

/** fragment BindingDetail */
export interface BindingDetail {
  id: string
  relation: BindingRelation
  startDate: string
  endDate: string | null
  isBillingParty: boolean
  permissions: FamilyPermission[]
  active: boolean
  customer: { id: string; kind: CustomerKind; name: string; phone: string | null }
}

/** fragment RoomDetail */
export interface RoomDetail {
  id: string
  code: string
  unitCode: string | null
  floor: number
  buildingArea: string
  chargeArea: string
  type: RoomType
  layout: string | null
  orientation: string | null
  status: RoomStatus
  myRelation: BindingRelation | null
  myPermissions: FamilyPermission[]
  estate: EstateRef
  building: { id: string; code: string; name: string }
  bindings: BindingDetail[]
}

export interface MeData {
  me: ViewerSummary & {
    rooms: { id: string; code: string; myRelation: BindingRelation | null; myPermissions: FamilyPermission[] }[]
  }
}
export interface MyRoomsData { myRooms: RoomDetail[] }
export interface SmsCodeData { requestSmsCode: { sent: boolean; retryAfterSeconds: number } }
export interface AddFamilyMemberInput {
  roomId: string
  name: string
  phone: string
  permissions: FamilyPermission[]
}

/** messages.graphql: a resident's in-app message */
export interface Message {
  id: string
  kind: string
  title: string
  body: string
  sentAt: string
  readAt: string | null
}
export interface MyMessagesData {
  myMessages: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Message[] }
}
export interface MarkMessageReadData { markMessageRead: { id: string; readAt: string | null } }
