/**
 * Which role may do what — the role policy written down in platform/README.md. Regional scope is
 * checked separately, against the row's current and target scope.
 */
import type { StaffRole } from '../../../shared/platform-api/auth';
import type { SyncedTable } from '../../../shared/platform-api/tables';

/** Row ops (`restore` = an update of a deleted row), the kinds of `order.submit.v1`, the site publication commands and `roster.submit.v1`. */
export type Action =
  'create' | 'update' | 'delete' | 'restore' | 'open' | 'change' | 'cancel' | 'publish' | 'publish_unsigned' | 'rollback' | 'submit';

const EDIT: Action[] = ['create', 'update'];
const ALL_ROW: Action[] = ['create', 'update', 'delete', 'restore'];
const ALL_ORDERS: Action[] = ['open', 'change', 'cancel'];

// Every role that serves customers collects their VPMN rosters (members join and leave at no charge).
const ROSTER: Action[] = ['submit'];

// Publication policy (platform/README.md): what the customer signed goes live; only an administrator
// may publish a revision without a sign-off. Leads: the desktop marks them handled, nothing else.
const ALLOWED: Record<StaffRole, Partial<Record<SyncedTable, Action[]>>> = {
  customer_manager: {
    enterprise: ALL_ROW,
    site: ALL_ROW,
    service_order: ALL_ORDERS,
    site_publication: ['publish', 'rollback'],
    lead: ['update'],
    roster_order: ROSTER,
  },
  // Counter staff register, edit and serve customers' orders; they do not build sites or remove records.
  business_hall_clerk: { enterprise: EDIT, service_order: ALL_ORDERS, lead: ['update'], roster_order: ROSTER },
  // Agents prepare sites and sign customers up; they never remove records or end or change what a customer pays for.
  agent: { enterprise: EDIT, site: EDIT, service_order: ['open'], site_publication: ['publish'], lead: ['update'], roster_order: ROSTER },
  administrator: {
    enterprise: ALL_ROW,
    site: ALL_ROW,
    service_order: ALL_ORDERS,
    site_publication: ['publish', 'publish_unsigned', 'rollback'],
    lead: ['update'],
    roster_order: ROSTER,
  },
};

export const roleAllows = (role: StaffRole, tbl: SyncedTable, action: Action): boolean => ALLOWED[role][tbl]?.includes(action) ?? false;
