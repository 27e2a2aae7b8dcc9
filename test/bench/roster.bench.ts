/**
 * VPMN rosters: importing 10,000 members (target < 3 s, from the file on disk to the rows saved)
 * from .xlsx and .csv, and giving 10,000 members short numbers (target < 200 ms). References, same
 * run: exceljs loading the same workbook alone and papaparse parsing the same CSV alone (the
 * libraries' share of an import); for numbering, sorting the same 10,000 mobiles.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { startBackend } from '../../electron/backend/app/backend';
import { assignShortNumbers, type NumberRequest } from '../../shared/domain/shortNumbers';
import { csvText, people, rosterXlsx } from '../helpers/rosterFiles';
import { emitSummary, ms, printTable, ratio, stats, tempDir } from './benchUtil';

const MEMBERS = 10_000;
const IMPORT_TARGET_MS = 3000;
const ASSIGN_TARGET_MS = 200;
const RUNS = 3;

async function timed<T>(work: () => Promise<T> | T): Promise<[number, T]> {
  const started = performance.now();
  const value = await work();
  return [performance.now() - started, value];
}

async function main() {
  const dir = tempDir('ecw-bench-roster-');
  const staff = people(MEMBERS, 5);
  const xlsxFile = path.join(dir, 'roster.xlsx');
  const csvFile = path.join(dir, 'roster.csv');
  const xlsxBytes = await rosterXlsx(staff);
  writeFileSync(xlsxFile, xlsxBytes);
  writeFileSync(csvFile, csvText(staff));

  const imports: Record<'xlsx' | 'csv', number[]> = { xlsx: [], csv: [] };
  const previews: number[] = [];
  const loadOnly: number[] = [];
  const parseOnly: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    for (const kind of ['xlsx', 'csv'] as const) {
      const dataDir = tempDir('ecw-bench-roster-db-');
      const backend = startBackend({ dataDir, checkOutputs: false });
      const call = async (name: string, input: unknown) => {
        const result = await backend.dispatcher.invoke(name, input);
        if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
        return result.value as Record<string, unknown>;
      };
      await call('system.setOperator', { name: '李敏', channel: 'customer_manager' });
      const { id } = (await call('enterprises.create', {
        name: '济南泉城茶业有限公司',
        creditCode: '91370100MA3C4Q7B0X',
        industrySection: 'F',
        region: { province: '山东省', city: '济南市', district: '历下区' },
        address: '山东省济南市历下区泉城路188号',
        contact: { name: '王建国', mobile: '13805310001' },
        manager: '李敏',
        channel: 'customer_manager',
      })) as { id: string };
      const input = { enterpriseId: id, source: { kind: 'path', path: kind === 'xlsx' ? xlsxFile : csvFile } };
      if (kind === 'xlsx') previews.push((await timed(() => call('roster.previewImport', input)))[0]);
      const [importMs, result] = await timed(() => call('roster.import', input));
      if (result.added !== MEMBERS) throw new Error(`imported ${String(result.added)} of ${MEMBERS}`);
      imports[kind].push(importMs);
      backend.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
    loadOnly.push((await timed(() => new ExcelJS.Workbook().xlsx.load(xlsxBytes as unknown as ArrayBuffer)))[0]);
    parseOnly.push((await timed(() => Papa.parse(csvText(staff), { skipEmptyLines: false })))[0]);
  }

  const requests: NumberRequest[] = staff.map((p, i) => ({ key: String(i), name: p.name, mobile: p.mobile, department: p.department }));
  const rules = {
    firstDigit: '6',
    departmentBlocks: [
      { department: '销售部', prefix: '6100' },
      { department: '技术部', prefix: '6200' },
    ],
    reserved: [{ number: '666666', name: staff[0]!.name }],
  };
  const assign: number[] = [];
  const sorting: number[] = [];
  for (let run = 0; run < 20; run++) {
    assign.push((await timed(() => assignShortNumbers(requests, rules)))[0]);
    sorting.push((await timed(() => [...staff.map((p) => p.mobile)].sort()))[0]);
  }

  const x = stats(imports.xlsx);
  const c = stats(imports.csv);
  const p = stats(previews);
  const l = stats(loadOnly);
  const q = stats(parseOnly);
  const a = stats(assign);
  const s = stats(sorting);
  printTable(`Roster of ${MEMBERS.toLocaleString()} members (${RUNS} runs; import = read + check + plan + save, through the dispatcher)`, [
    {
      operation: 'roster.import .xlsx',
      'p50 ms': ms(x.p50),
      'max ms': ms(x.max),
      target: `< ${IMPORT_TARGET_MS}`,
      'vs exceljs load alone': ratio(x.p50, l.p50),
    },
    {
      operation: 'roster.previewImport .xlsx',
      'p50 ms': ms(p.p50),
      'max ms': ms(p.max),
      target: '',
      'vs exceljs load alone': ratio(p.p50, l.p50),
    },
    {
      operation: 'roster.import .csv',
      'p50 ms': ms(c.p50),
      'max ms': ms(c.max),
      target: `< ${IMPORT_TARGET_MS}`,
      'vs exceljs load alone': `${ratio(c.p50, q.p50)} of papaparse alone`,
    },
    { operation: 'reference: exceljs load', 'p50 ms': ms(l.p50), 'max ms': ms(l.max), target: '', 'vs exceljs load alone': '1.00×' },
    { operation: 'reference: papaparse parse', 'p50 ms': ms(q.p50), 'max ms': ms(q.max), target: '', 'vs exceljs load alone': '' },
  ]);
  printTable(`Short numbers for ${MEMBERS.toLocaleString()} members (20 runs; 2 department blocks, 1 reserved)`, [
    {
      operation: 'assignShortNumbers',
      'p50 ms': ms(a.p50),
      'max ms': ms(a.max),
      target: `< ${ASSIGN_TARGET_MS}`,
      'vs sorting the mobiles': ratio(a.p50, s.p50),
    },
    {
      operation: 'reference: sort 10,000 mobiles',
      'p50 ms': ms(s.p50),
      'max ms': ms(s.max),
      target: '',
      'vs sorting the mobiles': '1.00×',
    },
  ]);
  emitSummary('roster', [
    { metric: 'roster import 10k .xlsx p50', value: x.p50, targetMs: IMPORT_TARGET_MS, referenceName: 'exceljs load', reference: l.p50 },
    { metric: 'roster import 10k .csv p50', value: c.p50, targetMs: IMPORT_TARGET_MS, referenceName: 'papaparse parse', reference: q.p50 },
    { metric: 'short numbers 10k p50', value: a.p50, targetMs: ASSIGN_TARGET_MS, referenceName: 'sort 10k mobiles', reference: s.p50 },
  ]);
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
