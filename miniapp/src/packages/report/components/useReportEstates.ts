import { useState } from 'react'
import { ReportEstatesQuery, useQuery } from '../../../graphql'
import type { ReportEstatesData } from '../../../graphql/report-types'
import type { EstateRef, Role } from '../../../graphql/types'

// who reads an estate's reports (the gateway checks REPORT_READ in the estate again)
const READER_ROLES: Role[] = ['MANAGER', 'CASHIER', 'COMMITTEE', 'HQ_ADMIN']

/**
 * The estates whose reports I may read — those where I am 经理, 收费员 or on the 业委会 (总部:
 * every estate) — ordered by code, and the one chosen (the first until another is picked).
 */
export function useReportEstates() {
  const { data, error } = useQuery<ReportEstatesData>(ReportEstatesQuery)
  const [chosen, setChosen] = useState<string | null>(null)
  let estates: EstateRef[] | null = null
  if (data) {
    const grants = data.me.roles.filter((g) => READER_ROLES.includes(g.role))
    if (grants.some((g) => g.role === 'HQ_ADMIN' && !g.estate)) {
      estates = data.estates
    } else {
      // from the grants themselves: a committee member is not staff and need not see `estates`
      const byId = new Map<string, EstateRef>()
      for (const g of grants) if (g.estate) byId.set(g.estate.id, g.estate)
      estates = [...byId.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    }
  }
  const estate = estates?.find((e) => e.id === chosen) ?? estates?.[0] ?? null
  return { estates, estate, choose: setChosen, error }
}
