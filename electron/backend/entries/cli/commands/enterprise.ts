/**
 * `ecw enterprise create --from FILE` and `ecw enterprise list`.
 *
 * FILE is an enterprise as typed from the business licence (the shape of the fixtures'
 * `materials/*\/enterprise.json`): the enterprise's fields, plus optional `industryNote` (kept as
 * the note), `plan` + `openDate` (a draft opening order is created too) and `domain` (the site
 * builder's business, not read here). The customer manager comes from `--manager`, else the
 * customer manager signed in with `ecw login`, else the file, else the data directory's operator
 * profile; the channel from `--channel`, the file, or 客户经理.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Input } from '../../../../../shared/api';
import { formatYuan } from '../../../../../shared/domain/billing';
import { chinaDate } from '../../../../../shared/domain/dates';
import { SALES_CHANNELS, type EnterpriseListRow } from '../../../../../shared/domain/enterprise';
import { CliError, type CliCommand, type CliIO } from '../io';

const CREATE_USAGE = 'enterprise create --from FILE [--manager NAME] [--channel customer_manager|business_hall|hotline_10086_8|agent]';
const LIST_USAGE = 'enterprise list [--query TEXT]';
const SHOW_USAGE = 'enterprise show ID';
const USAGE_USAGE = 'enterprise usage ID --month YYYY-MM';
const PAGE_SIZE = 500;

function parse<T extends Record<string, { type: 'string' }>>(args: string[], options: T, usage: string) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as { [K in keyof T]?: string };
  } catch (error) {
    throw new CliError('usage', `${(error as Error).message}\nUsage: ecw ${usage}`, 2);
  }
}

function readImportFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError('file.unreadable', `Cannot read ${file}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CliError('file.invalid_json', `${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new CliError('file.invalid_json', `${file} must hold one JSON object (an enterprise).`);
  return data as Record<string, unknown>;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** The customer manager signed in on this device (`ecw login`), if any. */
async function signedInManager(io: CliIO): Promise<string | undefined> {
  const { signedIn, account } = io.unwrap(await io.transport().invoke('sync.status', {}));
  return signedIn && account?.role === 'customer_manager' ? text(account.name) : undefined;
}

async function managerFor(io: CliIO, flag: string | undefined, file: Record<string, unknown>): Promise<string> {
  const manager =
    text(flag) ??
    (await signedInManager(io)) ??
    text(file.manager) ??
    io.unwrap(await io.transport().invoke('system.status', {})).operator?.name;
  if (!manager)
    throw new CliError(
      'enterprise.manager_required',
      'No customer manager: pass --manager NAME, sign in as a customer manager (ecw login), name "manager" in the file, or register the operator profile in the app first.',
    );
  return manager;
}

function channelFor(flag: string | undefined, file: Record<string, unknown>): string {
  const channel = text(flag) ?? text(file.channel) ?? 'customer_manager';
  if (!(SALES_CHANNELS as readonly string[]).includes(channel))
    throw new CliError('usage', `Unknown channel "${channel}"; one of ${SALES_CHANNELS.join(', ')}.\nUsage: ecw ${CREATE_USAGE}`, 2);
  return channel;
}

function enterpriseInput(file: Record<string, unknown>, manager: string, channel: string): Input<'enterprises.create'> {
  const note = [text(file.note), text(file.industryNote)].filter(Boolean).join('\n');
  return {
    name: file.name,
    creditCode: file.creditCode,
    industrySection: file.industrySection,
    ...(file.industryDivision ? { industryDivision: file.industryDivision } : {}),
    region: file.region,
    address: file.address,
    contact: file.contact,
    manager,
    channel,
    ...(note ? { note } : {}),
  } as Input<'enterprises.create'>; // the backend's schema checks every field and names the ones at fault
}

async function create(args: string[], io: CliIO): Promise<void> {
  const flags = parse(args, { from: { type: 'string' }, manager: { type: 'string' }, channel: { type: 'string' } }, CREATE_USAGE);
  if (!flags.from) throw new CliError('usage', `--from FILE is required.\nUsage: ecw ${CREATE_USAGE}`, 2);
  const file = readImportFile(flags.from);
  const channel = channelFor(flags.channel, file);
  const transport = io.transport();
  const manager = await managerFor(io, flags.manager, file);
  const plan = text(file.plan);
  const openDate = text(file.openDate);
  if (Boolean(plan) !== Boolean(openDate))
    process.stderr.write('ecw: the file names only one of "plan" and "openDate"; no order is created.\n');
  const opening = plan && openDate ? { planCode: plan, openDate } : undefined;
  // Check the plan and date before anything is saved, so a bad file leaves no half-imported enterprise.
  if (opening) io.unwrap(await transport.invoke('orders.quote', { ...opening, months: 1 }));
  const today = chinaDate(new Date());
  if (opening && opening.openDate < today)
    process.stderr.write(`ecw: the opening date ${opening.openDate} is before today (${today}); the first month is billed from it.\n`);

  const enterprise = io.unwrap(await transport.invoke('enterprises.create', enterpriseInput(file, manager, channel)));
  let orderLine = '';
  if (opening) {
    const created = await transport.invoke('orders.create', {
      enterpriseId: enterprise.id,
      kind: 'open',
      planCode: opening.planCode,
      date: opening.openDate,
    });
    if (!created.ok)
      throw new CliError(
        created.error.code,
        `Enterprise ${enterprise.id} was created, but its opening order was not: ${created.error.message}`,
      );
    orderLine = `\n开户草稿 draft order ${created.value.number}: ${created.value.quote.plan.name}, ${created.value.effectiveDate}`;
  }
  io.print({ id: enterprise.id }, `已创建 created ${enterprise.name} (${enterprise.id})${orderLine}`);
}

async function list(args: string[], io: CliIO): Promise<void> {
  const flags = parse(args, { query: { type: 'string' } }, LIST_USAGE);
  const transport = io.transport();
  const rows: EnterpriseListRow[] = [];
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const page = io.unwrap(await transport.invoke('enterprises.list', { query: flags.query ?? '', offset, limit: PAGE_SIZE }));
    rows.push(...page.rows);
    if (page.rows.length < PAGE_SIZE || rows.length >= page.total) break;
  }
  const human = rows.map((r) => `${r.creditCode}  ${r.name}  ${r.contactName} ${r.contactMobile}  ${r.city}${r.district}  ${r.manager}`);
  io.print(rows, [...human, `${rows.length} 家 enterprises`].join('\n'));
}

function positionalId(args: string[], usage: string): { id: string; rest: string[] } {
  const [id, ...rest] = args;
  if (!id || id.startsWith('--')) throw new CliError('usage', `The enterprise id is required.\nUsage: ecw ${usage}`, 2);
  return { id, rest };
}

/** The enterprise, with what BOSS assigned at opening once the platform reported it (the newest opening). */
async function show(args: string[], io: CliIO): Promise<void> {
  const { id, rest } = positionalId(args, SHOW_USAGE);
  parse(rest, {}, SHOW_USAGE);
  const transport = io.transport();
  const enterprise = io.unwrap(await transport.invoke('enterprises.get', { id }));
  const info = io.unwrap(await transport.invoke('sync.platformInfo', { enterpriseId: id }));
  const opened = info.orders.filter((o) => o.opening).at(-1)?.opening;
  const opening = opened
    ? {
        groupCode: opened.groupCode,
        smsServiceCode: opened.smsServiceCode.unifiedCode,
        smsExtension: opened.smsServiceCode.extension,
        maintenanceAccount: opened.maintenanceAccount.login,
        status: info.status ?? 'opened',
      }
    : null;
  const human = [
    `${enterprise.name} (${enterprise.id})  ${enterprise.creditCode}`,
    opening
      ? `集团编码 ${opening.groupCode}  短信 ${opening.smsServiceCode}${opening.smsExtension}  维护账号 ${opening.maintenanceAccount}  ${opening.status}`
      : '尚未开通 not opened',
  ];
  io.print({ ...enterprise, opening }, human.join('\n'));
}

/** The month's SMS sent (as the platform metered it) and its bill. */
async function usage(args: string[], io: CliIO): Promise<void> {
  const { id, rest } = positionalId(args, USAGE_USAGE);
  const flags = parse(rest, { month: { type: 'string' } }, USAGE_USAGE);
  if (!flags.month) throw new CliError('usage', `--month YYYY-MM is required.\nUsage: ecw ${USAGE_USAGE}`, 2);
  const u = io.unwrap(await io.transport().invoke('sms.usage', { enterpriseId: id, month: flags.month }));
  io.print(
    {
      month: u.month,
      smsSent: u.smsSent,
      smsIncluded: u.smsIncluded,
      smsOverage: u.smsOverage,
      functionFeeFen: u.functionFeeFen,
      smsFeeFen: u.smsFeeFen,
      totalFeeFen: u.totalFeeFen,
    },
    `${u.month}: 短信 ${u.smsSent}/${u.smsIncluded} 条，超出 ${u.smsOverage} 条；功能费 ${formatYuan(u.functionFeeFen)} 元 + 短信费 ${formatYuan(u.smsFeeFen)} 元 = ${formatYuan(u.totalFeeFen)} 元`,
  );
}

export const enterpriseCommands: CliCommand[] = [
  { path: ['enterprise', 'create'], usage: CREATE_USAGE, run: create },
  { path: ['enterprise', 'list'], usage: LIST_USAGE, run: list },
  { path: ['enterprise', 'show'], usage: SHOW_USAGE, run: show },
  { path: ['enterprise', 'usage'], usage: USAGE_USAGE, run: usage },
];
