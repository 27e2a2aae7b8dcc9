/** The commands a push may carry (shared/platform-api COMMANDS), each applied by its own module. */
import { COMMANDS, type CommandName } from '../../../shared/platform-api/tables';
import type { OpResult, PushOp } from '../../../shared/platform-api/sync';
import type { OpContext } from './ops';
import { submitOrder } from './orders';
import { Rejection } from './rejection';
import { publishSite, rollbackSite, type Publishing } from '../sites/publication';
import { submitRosterOrder } from './rosterOrders';

/** `publishing`: where published sites live and their pictures come from (the platform's config), for the site commands. */
const HANDLERS: Record<CommandName, (oc: OpContext, op: PushOp, publishing: Publishing) => Promise<OpResult>> = {
  'order.submit.v1': submitOrder,
  'roster.submit.v1': submitRosterOrder,
  'site.publish.v1': publishSite,
  'site.rollback.v1': rollbackSite,
};

const isCommand = (name: string | null | undefined): name is CommandName => typeof name === 'string' && Object.hasOwn(COMMANDS, name);

export function runCommand(oc: OpContext, op: PushOp, publishing: Publishing): Promise<OpResult> {
  if (!isCommand(op.name)) throw new Rejection('unknown_command', `Unknown command ${op.name ?? '(none)'}.`);
  if (COMMANDS[op.name].tbl !== op.tbl) throw new Rejection('unknown_command', `${op.name} applies to ${COMMANDS[op.name].tbl}.`);
  return HANDLERS[op.name](oc, op, publishing);
}
