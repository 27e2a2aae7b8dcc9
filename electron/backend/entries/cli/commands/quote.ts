/**
 * `ecw quote --plan CODE --open YYYY-MM-DD [--cancel YYYY-MM-DD] [--months N] [--sms YYYY-MM=COUNT]…`:
 * the same quote the app shows and prints. Without --data-dir it uses the catalog the app ships;
 * with --data-dir, that data directory's current catalog (which the platform may have updated).
 */
import { parseArgs } from 'node:util';
import {
  describeFirstMonth,
  formatYuan,
  MAX_QUOTE_MONTHS,
  QuoteError,
  quoteFromCatalog,
  type Quote,
} from '../../../../../shared/domain/billing';
import { findPlan, SEED_CATALOG, type Catalog } from '../../../../../shared/domain/catalog';
import { isRealDate, ISO_MONTH } from '../../../../../shared/domain/dates';
import { CliError, type CliCommand, type CliIO } from '../io';

const USAGE = 'quote --plan site-standard|site-business --open YYYY-MM-DD [--cancel YYYY-MM-DD] [--months N] [--sms YYYY-MM=COUNT]…';

interface QuoteArgs {
  planCode: string;
  openDate: string;
  cancelDate?: string;
  months?: number;
  smsByMonth?: Record<string, number>;
}

const usageError = (problem: string) => new CliError('usage', `${problem}\nUsage: ecw ${USAGE}`, 2);

function parseQuoteArgs(args: string[]): QuoteArgs {
  let values: { plan?: string; open?: string; cancel?: string; months?: string; sms?: string[] };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        plan: { type: 'string' },
        open: { type: 'string' },
        cancel: { type: 'string' },
        months: { type: 'string' },
        sms: { type: 'string', multiple: true },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw usageError((error as Error).message);
  }
  if (!values.plan) throw usageError('--plan is required.');
  if (!values.open || !isRealDate(values.open)) throw usageError('--open needs a real date, YYYY-MM-DD.');
  if (values.cancel !== undefined && !isRealDate(values.cancel)) throw usageError('--cancel needs a real date, YYYY-MM-DD.');
  return {
    planCode: values.plan,
    openDate: values.open,
    ...(values.cancel ? { cancelDate: values.cancel } : {}),
    ...(values.months !== undefined ? { months: parseMonths(values.months) } : {}),
    ...(values.sms ? { smsByMonth: parseSms(values.sms) } : {}),
  };
}

function parseMonths(text: string): number {
  const months = Number(text);
  if (!/^\d+$/.test(text) || months < 1 || months > MAX_QUOTE_MONTHS)
    throw usageError(`--months needs a whole number from 1 to ${MAX_QUOTE_MONTHS}.`);
  return months;
}

function parseSms(entries: string[]): Record<string, number> {
  const byMonth: Record<string, number> = {};
  for (const entry of entries) {
    const match = /^(\d{4}-\d{2})=(\d{1,9})$/.exec(entry);
    if (!match || !ISO_MONTH.test(match[1]!)) throw usageError(`--sms needs YYYY-MM=COUNT, got "${entry}".`);
    if (match[1]! in byMonth) throw usageError(`--sms names ${match[1]} twice.`);
    byMonth[match[1]!] = Number(match[2]);
  }
  return byMonth;
}

async function computeQuote(args: QuoteArgs, io: CliIO): Promise<{ quote: Quote; catalog: Catalog }> {
  if (io.dataDir) {
    const transport = io.transport();
    const q = io.unwrap(await transport.invoke('orders.quote', args));
    return { quote: q, catalog: io.unwrap(await transport.invoke('catalog.current', {})) };
  }
  try {
    return { quote: quoteFromCatalog(SEED_CATALOG, args), catalog: SEED_CATALOG };
  } catch (error) {
    if (error instanceof QuoteError) throw new CliError(error.code, error.message);
    throw error;
  }
}

/** Exactly the keys scripts rely on. */
export function quoteJson(q: Quote) {
  const { code, name, monthlyFeeFen, smsIncluded, smsRateFen } = q.plan;
  return {
    plan: { code, name, monthlyFeeFen, smsIncluded, smsRateFen },
    months: q.months.map(({ month, functionFeeFen, smsSent, smsOverage, smsFeeFen, totalFeeFen }) => ({
      month,
      functionFeeFen,
      smsSent,
      smsOverage,
      smsFeeFen,
      totalFeeFen,
    })),
  };
}

/** Terminal columns a string takes: CJK and full-width characters take two. */
const displayWidth = (s: string) =>
  [...s].reduce(
    (width, ch) =>
      width + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1),
    0,
  );
const padEnd = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - displayWidth(s)));
const padStart = (s: string, width: number) => ' '.repeat(Math.max(0, width - displayWidth(s))) + s;

export function quoteTable(q: Quote, catalog: Catalog): string {
  const sample = findPlan(catalog, q.plan.code)?.sample;
  const label = (isSample: boolean | undefined) => (isSample ? ' (示例 sample)' : '');
  const cells = (row: string[]) => row.map((cell, i) => (i < 2 ? padEnd(cell, i === 0 ? 8 : 18) : padStart(cell, 10))).join(' ');
  const lines = [
    `${q.plan.name} (${q.plan.code}): ${formatYuan(q.plan.monthlyFeeFen)} 元/月${label(sample?.monthlyFee)}, ` +
      `含 ${q.plan.smsIncluded.toLocaleString('en-US')} 条短信, 超出 ${formatYuan(q.plan.smsRateFen)} 元/条${label(sample?.smsRate)}`,
    describeFirstMonth(q.openDate, q.firstMonth),
    ...(q.cancelDate ? [`${q.cancelDate} 销户, ${q.cancelDate.slice(0, 7)} 为最后计费月`] : []),
    '',
    cells(['月份', '套餐', '功能费', '短信', '超出', '短信费', '合计']),
    ...q.months.map((m) =>
      cells([
        m.month,
        m.planName,
        formatYuan(m.functionFeeFen),
        String(m.smsSent),
        String(m.smsOverage),
        formatYuan(m.smsFeeFen),
        formatYuan(m.totalFeeFen),
      ]),
    ),
    cells(['合计', '', '', '', '', '', formatYuan(q.totalFeeFen)]),
  ];
  if (q.usesSampleRates) lines.push('', '注: 含示例资费 (sample rates), 以运营商公布的资费为准');
  return lines.join('\n');
}

export const quoteCommands: CliCommand[] = [
  {
    path: ['quote'],
    usage: USAGE,
    run: async (args, io) => {
      const { quote, catalog } = await computeQuote(parseQuoteArgs(args), io);
      io.print(quoteJson(quote), quoteTable(quote, catalog));
    },
  },
];
