/**
 * `ecw order list|sign|submit`: service orders for scripts (issue 10). Output shapes are fixed;
 * scripts rely on them.
 */
import type { Order } from '../../../../../shared/domain/order';
import { CliError, type CliCommand, type CliIO } from '../io';
import { parseCommandArgs, readSignaturePng, singleId } from './args';

const LIST_USAGE = 'order list --enterprise ID';
const SIGN_USAGE = 'order sign ORDER_ID --signer NAME --signature PNG_FILE';
const SUBMIT_USAGE = 'order submit ORDER_ID';

/** `openDate` is the order's effective date: the opening date of an opening order. */
const listRow = (o: Order) => ({ id: o.id, kind: o.kind, plan: o.planCode, status: o.status, openDate: o.effectiveDate });

async function list(args: string[], io: CliIO): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, { enterprise: { type: 'string' } }, LIST_USAGE);
  if (!values.enterprise || positionals.length > 0) throw new CliError('usage', `Usage: ecw ${LIST_USAGE}`, 2);
  const orders = io.unwrap(await io.transport().invoke('orders.listForEnterprise', { enterpriseId: values.enterprise }));
  const human = orders.map((o) => `${o.id}  ${o.number}  ${o.kind}  ${o.planCode}  ${o.status}  ${o.effectiveDate}`);
  io.print(orders.map(listRow), [...human, `${orders.length} orders`].join('\n'));
}

async function sign(args: string[], io: CliIO): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, { signer: { type: 'string' }, signature: { type: 'string' } }, SIGN_USAGE);
  const id = singleId(positionals, SIGN_USAGE);
  if (!values.signer || !values.signature) throw new CliError('usage', `Usage: ecw ${SIGN_USAGE}`, 2);
  const input = { id, signerName: values.signer, signaturePngBase64: readSignaturePng(values.signature) };
  const order = io.unwrap(await io.transport().invoke('orders.sign', input));
  io.print({ id: order.id, status: order.status }, `已签字 signed ${order.number} (${order.signerName})`);
}

async function submit(args: string[], io: CliIO): Promise<void> {
  const { positionals } = parseCommandArgs(args, {}, SUBMIT_USAGE);
  const order = io.unwrap(await io.transport().invoke('orders.submit', { id: singleId(positionals, SUBMIT_USAGE) }));
  io.print({ id: order.id, status: order.status }, `已提交 submitted ${order.number}; it leaves at the next sync`);
}

export const orderCommands: CliCommand[] = [
  { path: ['order', 'list'], usage: LIST_USAGE, run: list },
  { path: ['order', 'sign'], usage: SIGN_USAGE, run: sign },
  { path: ['order', 'submit'], usage: SUBMIT_USAGE, run: submit },
];
