// Shapes of what report.graphql selects (kept by hand beside it, as types.ts is for the other
// documents). Money fields are integer fen.
import type { EstateRef, Role } from './types'

export type ReportKind = 'MONTHLY_COLLECTION' | 'ARREARS_AGING' | 'PREPAID_BALANCES'

export interface ReportEstatesData {
  me: { id: string; roles: { role: Role; estate: EstateRef | null }[] }
  estates: EstateRef[]
}

/** fragment CollectionTotalFields */
export interface CollectionFigures {
  receivableFen: number
  receivedFen: number
  reducedFen: number
  outstandingFen: number
  /** e.g. 87.35%, or — when nothing was receivable */
  collectionRate: string
  /** basis points (1/10000), null when nothing was receivable */
  collectionRateBp: number | null
}

/** fragment CollectionRowFields */
export interface CollectionRow extends CollectionFigures {
  id: string
  code: string
  name: string
}

export interface MonthlyCollectionData {
  monthlyCollection: {
    estateId: string
    estateName: string
    period: string
    total: CollectionFigures
    byItem: CollectionRow[]
    byBuilding: CollectionRow[]
  }
}

/** fragment AgingTotalFields */
export interface AgingFigures {
  upTo30Fen: number
  days31To90Fen: number
  days91To180Fen: number
  days181To365Fen: number
  over365Fen: number
  totalFen: number
  roomCount: number
}

/** fragment AgingRowFields */
export interface AgingRow extends AgingFigures {
  id: string
  code: string
  name: string
}

export type AgingBucket = 'upTo30Fen' | 'days31To90Fen' | 'days91To180Fen' | 'days181To365Fen' | 'over365Fen'
/** the five buckets of days overdue, youngest first */
export const AGING_BUCKETS: AgingBucket[] = ['upTo30Fen', 'days31To90Fen', 'days91To180Fen', 'days181To365Fen', 'over365Fen']

export interface ArrearsAgingData {
  arrearsAging: {
    estateId: string
    estateName: string
    asOf: string
    total: AgingFigures
    byBuilding: AgingRow[]
  }
}

export interface PrepaidBalanceRow {
  roomId: string
  roomCode: string
  buildingCode: string
  balanceFen: number
}

export interface PrepaidBalancesData {
  prepaidBalances: {
    estateId: string
    estateName: string
    roomCount: number
    totalFen: number
    pageInfo: { hasNextPage: boolean; endCursor: string | null }
    nodes: PrepaidBalanceRow[]
  }
}

export interface ExcelFile {
  fileName: string
  contentType: string
  contentBase64: string
}
export interface ExportReportData { exportReport: ExcelFile }
