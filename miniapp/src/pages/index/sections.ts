import type { Entry } from '../../components/EntryGrid'
import type { MeData, Role } from '../../graphql/types'
import { t, type MessageKey } from '../../i18n'
import { ROUTES } from '../../routes'

export type Viewer = MeData['me']

export interface Section {
  key: string
  title: string
  subtitle?: string
  entries: Entry[]
}

const RESIDENT_ROLES: Role[] = ['OWNER', 'FAMILY', 'TENANT']

// 报表 of an estate: read by its cashiers, managers and owners' committee (and HQ).
const REPORT_ENTRIES: Entry[] = [
  { key: 'entry.reportCollection', icon: '📊', url: ROUTES.reportCollection },
  { key: 'entry.reportAging', icon: '⏳', url: ROUTES.reportAging },
  { key: 'entry.reportPrepaid', icon: '💰', url: ROUTES.reportPrepaid },
]
const REPORT_KEYS = new Set(REPORT_ENTRIES.map((e) => e.key))

// Staff workbenches in the order of DOMAIN.md §1. Entries without a url are modules that
// later issues build; they show as 即将上线.
const STAFF_ENTRIES: Partial<Record<Role, Entry[]>> = {
  CS_AGENT: [
    { key: 'entry.frontDesk', icon: '🛎️' },
    { key: 'entry.dispatch', icon: '🧰' },
    { key: 'entry.revisit', icon: '📞' },
    { key: 'entry.announcementDraft', icon: '📝' },
  ],
  CS_SUPERVISOR: [
    { key: 'entry.announcementApprove', icon: '✅' },
    { key: 'entry.renovationApprove', icon: '🏗️' },
    { key: 'entry.renovationInspect', icon: '🔍' },
    { key: 'entry.forumModerate', icon: '🛡️' },
  ],
  TECHNICIAN: [{ key: 'entry.myWorkOrders', icon: '🔧' }],
  CASHIER: [
    { key: 'entry.meterReading', icon: '📟', url: ROUTES.meterReading },
    { key: 'entry.billRun', icon: '🧾', url: ROUTES.billRun },
    { key: 'entry.deskPayment', icon: '💴', url: ROUTES.deskPayment },
    { key: 'entry.dailyPayments', icon: '📒', url: ROUTES.dailyPayments },
    { key: 'entry.reductionRefund', icon: '↩️', url: ROUTES.reductionRefund },
    { key: 'entry.arrears', icon: '⏰', url: ROUTES.arrears },
    { key: 'entry.bankCollection', icon: '🏦', url: ROUTES.bankCollection },
    { key: 'entry.monthClose', icon: '📅', url: ROUTES.monthClose },
    ...REPORT_ENTRIES,
  ],
  MANAGER: [
    { key: 'entry.warnings', icon: '⚠️' },
    { key: 'entry.complaints', icon: '📣' },
    { key: 'entry.approvals', icon: '✅' },
    { key: 'entry.property', icon: '🏢' },
    { key: 'entry.customers', icon: '👥' },
    ...REPORT_ENTRIES,
  ],
  HQ_ADMIN: [
    { key: 'entry.estates', icon: '🏙️' },
    { key: 'entry.settings', icon: '⚙️' },
    { key: 'entry.crossReports', icon: '📈' },
  ],
}

// the committee's section is mainly the estate's reports
const COMMITTEE_ENTRIES: Entry[] = [
  ...REPORT_ENTRIES,
  { key: 'entry.committeeNotices', icon: '📢' },
  { key: 'entry.votes', icon: '🗳️' },
]

// A manager runs the estate's billing too (same pages as the cashier); shown in the manager's
// section unless a cashier section already has them.
const MANAGER_BILLING: Entry[] = (STAFF_ENTRIES.CASHIER ?? []).filter((e) => e.url && !REPORT_KEYS.has(e.key))

/** What the home page knows besides `me`: the unread count on the 消息 tile (e.g. '3', '99+'). */
export interface HomeExtras {
  unreadMessages?: string
}

function residentEntries(viewer: Viewer, extras: HomeExtras): Entry[] {
  const owns = viewer.rooms.some((r) => r.myRelation === 'OWNER') || viewer.roles.some((g) => g.role === 'OWNER')
  // bills only for rooms where I may see them (an owner always may; family and tenants by permission)
  const seesBills = viewer.rooms.some((r) => r.myPermissions.includes('VIEW_BILLS'))
  const entries: Entry[] = [
    { key: 'entry.myRooms', icon: '🏠', url: ROUTES.myRooms, badge: viewer.rooms.length ? String(viewer.rooms.length) : undefined },
  ]
  if (seesBills) {
    entries.push({ key: 'entry.bills', icon: '💳', url: ROUTES.bills }, { key: 'entry.payments', icon: '🧾', url: ROUTES.payments })
  }
  entries.push({ key: 'entry.messages', icon: '✉️', url: ROUTES.messages, badge: extras.unreadMessages, alert: true })
  entries.push({ key: 'entry.repairs', icon: '🔧' })
  if (owns) entries.push({ key: 'entry.renovation', icon: '🏗️' })
  entries.push({ key: 'entry.announcements', icon: '📢' }, { key: 'entry.forum', icon: '💬' })
  return entries
}

/** Estate names a role is held in, e.g. 「阳光花园、翠湖苑」, or 全部小区 for HQ. */
function estatesOf(viewer: Viewer, role: Role): string {
  const grants = viewer.roles.filter((g) => g.role === role)
  if (grants.some((g) => !g.estate)) return t('home.allEstates')
  return grants.map((g) => g.estate?.name).filter(Boolean).join(t('common.listSeparator'))
}

/** The home page's sections for everything the viewer is: resident, staff roles, committee. */
export function sectionsFor(viewer: Viewer, extras: HomeExtras = {}): Section[] {
  const roles = new Set(viewer.roles.map((g) => g.role))
  const sections: Section[] = []
  if (isResident(viewer)) {
    sections.push({ key: 'resident', title: t('home.sectionResident'), entries: residentEntries(viewer, extras) })
  }
  for (const role of Object.keys(STAFF_ENTRIES) as Role[]) {
    if (!roles.has(role)) continue
    const entries = STAFF_ENTRIES[role] ?? []
    sections.push({
      key: role,
      title: t('home.sectionStaff', { role: t(`role.${role}` as MessageKey) }),
      subtitle: t('home.estate', { estate: estatesOf(viewer, role) }),
      entries: role === 'MANAGER' && !roles.has('CASHIER') ? [...entries, ...MANAGER_BILLING] : entries,
    })
  }
  if (roles.has('COMMITTEE')) {
    sections.push({
      key: 'COMMITTEE',
      title: t('home.sectionCommittee'),
      subtitle: t('home.estate', { estate: estatesOf(viewer, 'COMMITTEE') }),
      entries: COMMITTEE_ENTRIES,
    })
  }
  return reportTilesOnce(sections)
}

/**
 * The report tiles open pages that offer every estate the viewer may read, so they show once:
 * in the first section that has them (a cashier who is also a manager, a manager on the committee).
 */
function reportTilesOnce(sections: Section[]): Section[] {
  let shown = false
  return sections.map((section) => {
    const has = section.entries.some((e) => REPORT_KEYS.has(e.key))
    if (!has) return section
    if (!shown) {
      shown = true
      return section
    }
    return { ...section, entries: section.entries.filter((e) => !REPORT_KEYS.has(e.key)) }
  })
}

/** Whether the home page shows the resident's section (and so the 消息 tile). */
export function isResident(viewer: Viewer): boolean {
  return viewer.rooms.length > 0 || viewer.roles.some((g) => RESIDENT_ROLES.includes(g.role))
}

export function roleNames(viewer: Viewer): string {
  const roles = [...new Set(viewer.roles.map((g) => g.role))]
  return roles.map((r) => t(`role.${r}` as MessageKey)).join(t('common.listSeparator'))
}
