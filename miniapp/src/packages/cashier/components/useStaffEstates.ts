import { useState } from 'react'
import { BillingStaffQuery, useQuery } from '../../../graphql'
import type { BillingStaffData } from '../../../graphql/billing-types'
import type { EstateRef, Role } from '../../../graphql/types'

const BILLING_ROLES: Role[] = ['CASHIER', 'MANAGER']

/**
 * The estates where I run billing (收费员 or 经理 there; 总部 everywhere), the one chosen (the
 * first until another is picked), and whether I approve there (经理, 总部).
 */
export function useStaffEstates() {
  const { data, error } = useQuery<BillingStaffData>(BillingStaffQuery)
  const [chosen, setChosen] = useState<string | null>(null)
  let estates: EstateRef[] | null = null
  let approver = new Set<string>()
  if (data) {
    const grants = data.me.roles
    const hq = grants.some((g) => g.role === 'HQ_ADMIN' && !g.estate)
    const mine = new Set(grants.filter((g) => BILLING_ROLES.includes(g.role) && g.estate).map((g) => g.estate!.id))
    estates = data.estates.filter((e) => hq || mine.has(e.id))
    approver = new Set(hq ? estates.map((e) => e.id) : grants.filter((g) => g.role === 'MANAGER' && g.estate).map((g) => g.estate!.id))
  }
  const estate = estates?.find((e) => e.id === chosen) ?? estates?.[0] ?? null
  return { estates, estate, choose: setChosen, isApprover: !!estate && approver.has(estate.id), error }
}
