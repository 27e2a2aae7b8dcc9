/**
 * Which role may do what — the role policy written down in platform/README.md. Regional scope is
 * checked separately, against the row's current and target scope.
 */
import type { StaffRole } from '../../../shared/platform-api/auth';
import type { SyncedTable } from '../../../shared/platform-api/tables';

/** Row ops (`restore` = an update of a deleted row), the kinds of `order.submit.v1`, and `roster.submit.v1`. */
export type Action = 'create' | 'update' | 'delete' | 'restore' | 'open' | 'change' | 'cancel' | 'submit';

const EDIT: Action[] = ['create', 'update'];
const ALL_ROW: Action[] = ['create', 'update', 'delete', 'restore'];
const ALL_ORDERS: Action[] = ['open', 'change', 'cancel'];

// Every role that serves customers collects their VPMN rosters (members join and leave at no charge).
const ROSTER: Action[] = ['submit'];

const ALLOWED: Record<StaffRole, Partial<Record<SyncedTable, Action[]>>> = {
  customer_manager: { enterprise: ALL_ROW, site: ALL_ROW, service_order: ALL_ORDERS, roster_order: ROSTER },
  // Counter staff register, edit and serve customers' orders; they do not build sites or remove records.
  business_hall_clerk: { enterprise: EDIT, service_order: ALL_ORDERS, roster_order: ROSTER },
  // Agents prepare sites and sign customers up; they never remove records or end or change what a customer pays for.
  agent: { enterprise: EDIT, site: EDIT, service_order: ['open'], roster_order: ROSTER },
  administrator: { enterprise: ALL_ROW, site: ALL_ROW, service_order: ALL_ORDERS, roster_order: ROSTER },
};

export const roleAllows = (role: StaffRole, tbl: SyncedTable, action: Action): boolean => ALLOWED[role][tbl]?.includes(action) ?? false;
