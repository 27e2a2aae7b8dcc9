/** Which role may do what (regional scope is checked separately, against the row's current and target scope). */
import type { StaffRole } from '../../../shared/platform-api/auth';
import type { OpKind } from '../../../shared/platform-api/sync';
import type { SyncedTable } from '../../../shared/platform-api/tables';

const ALL: OpKind[] = ['create', 'update', 'delete'];

const ALLOWED: Record<StaffRole, Partial<Record<SyncedTable, OpKind[]>>> = {
  customer_manager: { enterprise: ALL, site: ALL, service_order: ['command'] },
  // Counter staff register and sell; they do not build sites.
  business_hall_clerk: { enterprise: ['create', 'update'], service_order: ['command'] },
  // Agents prepare sites and sign customers up, but never delete records.
  agent: { enterprise: ['create', 'update'], site: ['create', 'update'], service_order: ['command'] },
  administrator: { enterprise: ALL, site: ALL, service_order: ['command'] },
};

export const roleAllows = (role: StaffRole, tbl: SyncedTable, kind: OpKind): boolean => ALLOWED[role][tbl]?.includes(kind) ?? false;
