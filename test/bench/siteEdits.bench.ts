/**
 * Site-edit round trips (issue 7 item 6): what each edit's answer weighs as it would travel (JSON
 * bytes, as over IPC or HTTP) and how long 50 successive item edits take through the in-memory
 * transport — as it is, and with each answer carried through JSON as HTTP does (IPC's structured
 * clone costs the same order, twice in Electron: backend → main → window) — on the generated
 * 1,000-item site, against reading the whole site (`sites.get`) in the same run. Measured as the
 * shipped app runs (outputs not re-checked) and as tests and `web:dev` run (answers checked).
 */
import type { Input, Output, ProcedureName, Transport } from '../../shared/api';
import type { Item } from '../../shared/sites/model';
import { startBackend } from '../../electron/backend/app/backend';
import { changeSite } from '../../electron/backend/domains/sites/service';
import { createMemoryTransport } from '../../electron/backend/transports/memory';
import { generatedSite } from '../unit/sites/generate';
import { emitSummary, ms, printTable, tempDir } from './benchUtil';
import { contextOf } from './siteFixture';
import { enterpriseInput } from './generateEnterprises';

const ITEMS = 1000;
const EDITS = 50;

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/** What carrying an answer costs beyond the backend: one JSON round trip (as over HTTP; IPC's structured clone is of the same order). */
function carryMs(answer: unknown): number {
  const started = performance.now();
  for (let n = 0; n < 5; n++) JSON.parse(JSON.stringify(answer));
  return (performance.now() - started) / 5;
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function run(checkOutputs: boolean, carried: boolean) {
  const backend = startBackend({ dataDir: tempDir('ecw-edit-bench-'), checkOutputs });
  const memory = createMemoryTransport(backend);
  const transport: Transport = carried
    ? { ...memory, invoke: async (name, input) => JSON.parse(JSON.stringify(await memory.invoke(name, input))) as never }
    : memory;
  const call = async <N extends ProcedureName>(name: N, input: Input<N>): Promise<Output<N>> => {
    const result = await transport.invoke(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  const enterprise = await call('enterprises.create', enterpriseInput(1));
  const created = await call('sites.create', { enterpriseId: enterprise.id });
  const content = generatedSite(ITEMS).site;
  await backend.writes.hold((db) =>
    changeSite(contextOf(backend, db), created.id, undefined, 'site.imported', (current) => ({ ...current, content })),
  );
  const siteId = created.id;
  let revision = (await call('sites.get', { siteId })).revision;
  const site = await call('sites.get', { siteId });
  const column = site.content.columns.find((c) => c.items.length > 3 && c.items[0]!.kind === 'article')!;
  const item = column.items[0] as Extract<Item, { kind: 'article' }>;
  const retitled = (n: number): Item => ({ ...item, title: `${item.title}${n}` });

  const answers: { edit: string; answer: unknown }[] = [];
  const edit = async <N extends ProcedureName>(label: string, name: N, input: Omit<Input<N>, 'siteId' | 'revision'>) => {
    const answer = (await call(name, { ...input, siteId, revision } as Input<N>)) as { revision: number };
    revision = answer.revision;
    answers.push({ edit: label, answer });
  };
  await edit('update an item', 'sites.updateItem', { itemId: item.id, item: retitled(0) });
  await edit('rename a column', 'sites.updateColumn', { columnId: column.id, title: `${column.title}新` });
  await edit('reorder a column’s items', 'sites.reorderItems', {
    columnId: column.id,
    itemIds: [...column.items.map((i) => i.id)].reverse(),
  });
  await edit('add an item', 'sites.addItem', { columnId: column.id, item: { ...retitled(1), id: undefined } as never });
  await edit('move an item', 'sites.moveItem', { itemId: item.id, columnId: column.id, index: 2 });
  await edit('edit the profile', 'sites.updateProfile', { profile: { ...site.content.profile, slogan: '新口号' } });
  await edit('switch the layout', 'sites.setTemplate', {
    template: { ...site.content.template, options: { ...site.content.template.options } },
  });

  const started = performance.now();
  for (let n = 0; n < EDITS; n++) await edit('', 'sites.updateItem', { itemId: item.id, item: retitled(n + 2) });
  const editsMs = performance.now() - started;

  const whole = await call('sites.get', { siteId });
  const readStarted = performance.now();
  for (let n = 0; n < 10; n++) await call('sites.get', { siteId });
  const readMs = (performance.now() - readStarted) / 10;
  backend.close();
  return { answers: answers.filter((a) => a.edit), editsMs, whole, wholeBytes: bytes(whole), readMs };
}

const shipped = await run(false, false);
const overHttp = await run(false, true);
const checked = await run(true, false);
printTable(`Site-edit answers on a ${ITEMS}-item site (JSON bytes as they travel)`, [
  ...shipped.answers.map((a) => ({
    edit: a.edit,
    answer: kb(bytes(a.answer)),
    'of the whole site': `${((100 * bytes(a.answer)) / shipped.wholeBytes).toFixed(1)} %`,
    'JSON round trip': `${ms(carryMs(a.answer))} ms`,
  })),
  {
    edit: 'the whole site (sites.get)',
    answer: kb(shipped.wholeBytes),
    'of the whole site': '100 %',
    'JSON round trip': `${ms(carryMs(shipped.whole))} ms`,
  },
]);
printTable(`${EDITS} successive item edits through the in-memory transport`, [
  {
    outputs: 'not checked (the shipped app)',
    total: `${ms(shipped.editsMs)} ms`,
    'per edit': `${ms(shipped.editsMs / EDITS)} ms`,
    'one whole read': `${ms(shipped.readMs)} ms`,
  },
  {
    outputs: '  the same, answers carried through JSON',
    total: `${ms(overHttp.editsMs)} ms`,
    'per edit': `${ms(overHttp.editsMs / EDITS)} ms`,
    'one whole read': `${ms(overHttp.readMs)} ms`,
  },
  {
    outputs: 'checked (tests, web:dev)',
    total: `${ms(checked.editsMs)} ms`,
    'per edit': `${ms(checked.editsMs / EDITS)} ms`,
    'one whole read': `${ms(checked.readMs)} ms`,
  },
]);
emitSummary('siteEdits', [
  {
    metric: `${EDITS} item edits, ${ITEMS}-item site, answers through JSON`,
    value: overHttp.editsMs,
    referenceName: `${EDITS} whole reads (sites.get)`,
    reference: overHttp.readMs * EDITS,
  },
]);
