/**
 * `roster.submit.v1`: a VPMN roster order — members to add, change or remove — is accepted for an
 * enterprise whose opening or active plan includes VPMN, and waits for the BOSS (boss/roster.ts),
 * which confirms each change or sends it back. Never merged field by field: the order is the change.
 */
import { findPlan } from '../../../shared/domain/catalog';
import { rosterSubmitArgsSchema, type RosterSubmitArgs } from '../../../shared/platform-api/roster';
import type { OpResult, PushOp } from '../../../shared/platform-api/sync';
import { latestCatalog } from '../catalog/catalog';
import { canonicalJson } from './canonical';
import { authorize, rowResult, type OpContext } from './ops';
import { Rejection, invalid } from './rejection';
import { activeSubscription, insertRow, loadRow, type Writer } from './rows';

function parseArgs(op: PushOp): RosterSubmitArgs {
  const parsed = rosterSubmitArgsSchema.safeParse(op.patch);
  if (!parsed.success) throw invalid(parsed.error);
  if (parsed.data.id !== op.rowId) throw new Rejection('order_mismatch', 'rowId must be the roster order id.');
  return parsed.data;
}

/** The enterprise's plan must bring VPMN (通信动力, 营销动力 …): a group without it has no short numbers to give. */
export async function hasVpmnPlan(w: Writer, enterpriseId: string): Promise<boolean> {
  const subscription = await activeSubscription(w, enterpriseId);
  if (!subscription) return false;
  const plan = findPlan(await latestCatalog(w.trx), subscription.data.planCode as string);
  return plan?.components.some((c) => c.code === 'vpmn') ?? false;
}

export async function submitRosterOrder(oc: OpContext, op: PushOp): Promise<OpResult> {
  const args = parseArgs(op);
  const existing = await loadRow(oc, 'roster_order', op.rowId);
  if (existing) {
    authorize(oc.user, 'roster_order', 'submit', existing.scopeId);
    const same = existing.data.enterpriseId === args.enterpriseId && canonicalJson(existing.data.changes) === canonicalJson(args.changes);
    if (!same) throw new Rejection('order_mismatch', `Roster order ${op.rowId} was already submitted with other contents.`);
    return rowResult(op.opSeq, 'applied', existing); // resubmission: nothing new happens
  }
  const enterprise = await loadRow(oc, 'enterprise', args.enterpriseId);
  if (!enterprise || enterprise.deleted)
    throw new Rejection('enterprise_not_found', `Enterprise ${args.enterpriseId} does not exist on the platform.`);
  authorize(oc.user, 'roster_order', 'submit', enterprise.scopeId);
  if (!(await hasVpmnPlan(oc, args.enterpriseId)))
    throw new Rejection(
      'no_vpmn_subscription',
      'The enterprise has no opening or active plan with VPMN (动力100): open one before its roster.',
    );
  const order = insertRow(
    oc,
    'roster_order',
    op.rowId,
    enterprise.scopeId,
    {
      enterpriseId: args.enterpriseId,
      status: 'submitted',
      changes: args.changes,
      results: null,
      groupNumber: null,
      failure: null,
      submittedAt: oc.at,
      submittedBy: oc.user.login,
      processedAt: null,
    },
    { clientId: oc.clientId, at: oc.at },
  );
  return rowResult(op.opSeq, 'applied', order);
}
