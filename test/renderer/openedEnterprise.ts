/** An enterprise on a fresh test backend whose opening order the platform has already answered (as a pull would store it). */
import type { ServiceOrderWireRow } from '../../shared/platform-api';
import { serviceOrderSyncAdapter } from '../../electron/backend/domains/orders/syncAdapter';
import { quoteFromCatalog } from '../../shared/domain/billing';
import { SEED_CATALOG } from '../../shared/domain/catalog';
import { createTestBackend, type TestBackend } from '../helpers/backend';
import { jinanEnterprise } from '../helpers/syncDevice';

export const OPENED_AT = '2026-12-01T02:00:00.000Z';

/** The backend is pushed onto `backends` (the caller cleans them up). */
export async function openedEnterprise(backends: TestBackend[]): Promise<{ t: TestBackend; enterpriseId: string }> {
  const t = createTestBackend();
  backends.push(t);
  await t.call('system.setOperator', { name: '李敏', channel: 'customer_manager' });
  const { id: enterpriseId } = await t.call('enterprises.create', jinanEnterprise(1));
  const AT = OPENED_AT;
  const order: ServiceOrderWireRow = {
    id: 'o1',
    enterpriseId,
    number: null,
    kind: 'open',
    planCode: 'site-standard',
    previousPlanCode: null,
    effectiveDate: '2026-12-01',
    status: 'opened',
    signerName: '王建国',
    submittedAt: AT,
    submittedBy: 'jn.manager',
    failure: null,
    processedAt: AT,
    createdAt: AT,
    updatedAt: AT,
    opening: null,
    snapshot: {
      requestDate: '2026-12-01',
      catalogVersion: 1,
      createdBy: 'jn.manager',
      createdAt: AT,
      signedAt: AT,
      // As the submitting device sent it: the order lists (orders.listForEnterprise) need it.
      quote: quoteFromCatalog(SEED_CATALOG, { planCode: 'site-standard', openDate: '2026-12-01' }),
    },
  };
  await t.backend.writes.write((db) => serviceOrderSyncAdapter.save(db, order.id, order, { version: 1, row: order }, false));
  return { t, enterpriseId };
}
