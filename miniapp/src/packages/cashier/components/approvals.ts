import type { Approval } from '../../../graphql/billing-types'

/** A reduction or refund asked for on this page (nothing lists pending ones from the server yet). */
export interface AskedApproval extends Approval {
  kind: 'reduction' | 'refund'
  roomCode: string
}
