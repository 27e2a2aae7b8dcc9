import { afterEach, describe, expect, it } from 'vitest';
import type { Input } from '../../../shared/api';
import type { EnterpriseInput } from '../../../shared/domain/enterprise';
import { createTestBackend, type TestBackend } from '../../helpers/backend';
import { enterpriseInput } from '../../bench/generateEnterprises';
import { openSigned } from '../../integration/orders/support';

const backends: TestBackend[] = [];
afterEach(() => backends.splice(0).forEach((b) => b.cleanup()));
const start = (dataDir?: string) => {
  const t = createTestBackend(dataDir ? { dataDir } : {});
  backends.push(t);
  return t;
};

const TEA: EnterpriseInput = {
  name: '济南泉城茶业有限公司',
  creditCode: '91370100MA3C4Q7B0X',
  industrySection: 'F',
  industryDivision: '52',
  region: { province: '山东省', city: '济南市', district: '历下区' },
  address: '山东省济南市历下区泉城路188号',
  contact: { name: '王建国', mobile: '13805310001', email: 'service@quanchengtea.example' },
  manager: '李娜',
  channel: 'customer_manager',
};
const named = (i: number, name: string, mobile?: string): EnterpriseInput => {
  const base = enterpriseInput(i);
  return { ...base, name, ...(mobile ? { contact: { ...base.contact, mobile } } : {}) };
};

type Db = NonNullable<ReturnType<TestBackend['backend']['database']>>;
const db = (t: TestBackend): Db => t.backend.database()!;
const outbox = (t: TestBackend) =>
  db(t).prepare('SELECT tbl, row_id, kind, status, base_version, patch_json FROM outbox ORDER BY op_seq').all() as {
    tbl: string;
    row_id: string;
    kind: string;
    status: string;
    base_version: number | null;
    patch_json: string;
  }[];
const count = (t: TestBackend, table: string) => db(t).prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const search = async (t: TestBackend, query: string) => (await t.call('enterprises.list', { query })).rows.map((r) => r.name);

describe('enterprises: create, edit, get, list', () => {
  it('creates an enterprise with normalized fields and reads it back', async () => {
    const t = start();
    const created = await t.call('enterprises.create', {
      ...TEA,
      creditCode: '91370100ma3c4q7b0x',
      contact: { ...TEA.contact, mobile: '+86 138-0531-0001' },
    });
    expect(created).toMatchObject({
      name: TEA.name,
      creditCode: '91370100MA3C4Q7B0X',
      contact: { mobile: '13805310001' },
      region: TEA.region,
    });
    expect(created.createdAt).toBe(t.clock.now.toISOString());
    expect(await t.call('enterprises.get', { id: created.id })).toEqual(created);
    const list = await t.call('enterprises.list', {});
    expect(list.total).toBe(1);
    expect(list.rows[0]).toMatchObject({
      id: created.id,
      name: TEA.name,
      contactMobile: '13805310001',
      city: '济南市',
      district: '历下区',
    });
  });

  it('edits an enterprise: the new values are kept, the creation time is not touched', async () => {
    const t = start();
    const created = await t.call('enterprises.create', TEA);
    t.clock.advance(60_000);
    const edited = await t.call('enterprises.update', {
      id: created.id,
      fields: { ...TEA, address: '山东省济南市历下区泉城路200号', manager: '张伟' },
    });
    expect(edited).toMatchObject({
      address: '山东省济南市历下区泉城路200号',
      manager: '张伟',
      createdAt: created.createdAt,
      updatedAt: t.clock.now.toISOString(),
    });
    expect(await t.call('enterprises.get', { id: created.id })).toEqual(edited);
  });

  it('answers not_found for an unknown id, on get and on update', async () => {
    const t = start();
    expect(await t.transport.invoke('enterprises.get', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await t.transport.invoke('enterprises.update', { id: 'nope', fields: TEA })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('lists newest first, pages with offset and limit, and an edit brings a row to the top', async () => {
    const t = start();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await t.call('enterprises.create', enterpriseInput(i))).id);
      t.clock.advance(1_000);
    }
    const all = await t.call('enterprises.list', {});
    expect(all.rows.map((r) => r.id)).toEqual([...ids].reverse());
    const page = await t.call('enterprises.list', { offset: 1, limit: 2 });
    expect(page).toMatchObject({ total: 5 });
    expect(page.rows.map((r) => r.id)).toEqual([ids[3], ids[2]]);

    await t.call('enterprises.update', { id: ids[0]!, fields: { ...enterpriseInput(0), manager: '新经理' } });
    expect((await t.call('enterprises.list', { limit: 1 })).rows[0]!.id).toBe(ids[0]);
  });
});

describe('enterprises: one credit code, one enterprise', () => {
  it.each([
    ['the same code', '91370100MA3C4Q7B0X'],
    ['lower case', '91370100ma3c4q7b0x'],
    ['with spaces and hyphens', ' 9137 0100-MA3C 4Q7B 0X '],
  ])('refuses a second enterprise with %s, naming the first', async (_label, code) => {
    const t = start();
    const first = await t.call('enterprises.create', TEA);
    const result = await t.transport.invoke('enterprises.create', { ...enterpriseInput(3), creditCode: code });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({
      code: 'enterprise.duplicate_credit_code',
      field: 'creditCode',
      details: { existingId: first.id, existingName: '济南泉城茶业有限公司' },
    });
    expect(result.error.message).toContain('济南泉城茶业有限公司');
    expect(count(t, 'enterprise')).toBe(1);
    expect(count(t, 'outbox')).toBe(1);
  });

  it("refuses an edit that takes another enterprise's code, and allows keeping one's own", async () => {
    const t = start();
    const tea = await t.call('enterprises.create', TEA);
    const other = await t.call('enterprises.create', enterpriseInput(3));
    const result = await t.transport.invoke('enterprises.update', {
      id: other.id,
      fields: { ...enterpriseInput(3), creditCode: TEA.creditCode },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'enterprise.duplicate_credit_code', details: { existingId: tea.id } } });
    expect((await t.call('enterprises.get', { id: other.id })).creditCode).toBe(other.creditCode);
    await t.call('enterprises.update', { id: tea.id, fields: { ...TEA, manager: '张伟' } });
  });

  it('finds the holder of a code for the as-you-type warning, except the enterprise being edited', async () => {
    const t = start();
    const tea = await t.call('enterprises.create', TEA);
    expect(await t.call('enterprises.findByCreditCode', { creditCode: '91370100ma3c4q7b0x' })).toEqual({ id: tea.id, name: TEA.name });
    expect(await t.call('enterprises.findByCreditCode', { creditCode: TEA.creditCode, excludeId: tea.id })).toBeNull();
    expect(await t.call('enterprises.findByCreditCode', { creditCode: enterpriseInput(9).creditCode })).toBeNull();
  });
});

describe('enterprises: search', () => {
  const seed = async (t: TestBackend) => {
    await t.call('enterprises.create', TEA);
    await t.call('enterprises.create', named(1, '青岛海纳电子有限公司', '13800138000'));
    await t.call('enterprises.create', named(2, '泉州安溪茶叶有限公司'));
    await t.call('enterprises.create', named(3, '北京泉城科技有限公司'));
  };

  it('finds a Chinese name substring, two characters and four', async () => {
    const t = start();
    await seed(t);
    expect((await search(t, '泉城')).sort()).toEqual(['北京泉城科技有限公司', '济南泉城茶业有限公司']);
    expect(await search(t, '泉城茶业')).toEqual(['济南泉城茶业有限公司']);
    expect((await search(t, '茶')).sort()).toEqual(['泉州安溪茶叶有限公司', '济南泉城茶业有限公司']);
    expect(await search(t, '  海纳 ')).toEqual(['青岛海纳电子有限公司']);
    expect(await search(t, '上海')).toEqual([]);
  });

  it('finds a credit code by its beginning, typed in either case', async () => {
    const t = start();
    await seed(t);
    expect(await search(t, '91370100MA3C')).toEqual(['济南泉城茶业有限公司']);
    expect(await search(t, '91370100ma3c4q7b0x')).toEqual(['济南泉城茶业有限公司']);
  });

  it('finds a contact mobile however it is typed', async () => {
    const t = start();
    await seed(t);
    for (const typed of ['13800138000', '+86 138-0013-8000', '138 0013 8000', '0086 13800138000', '1380013'])
      expect(await search(t, typed), typed).toEqual(['青岛海纳电子有限公司']);
  });

  it('reports the total of all matches while returning one page', async () => {
    const t = start();
    for (let i = 0; i < 7; i++) await t.call('enterprises.create', named(10 + i, `潍坊鸿运${i}号物流有限公司`));
    await t.call('enterprises.create', TEA);
    const page = await t.call('enterprises.list', { query: '鸿运', offset: 2, limit: 3 });
    expect(page.total).toBe(7);
    expect(page.rows.map((r) => r.name)).toEqual(['潍坊鸿运4号物流有限公司', '潍坊鸿运3号物流有限公司', '潍坊鸿运2号物流有限公司']);
  });

  it('follows edits: the new name is found, the old one is not', async () => {
    const t = start();
    const tea = await t.call('enterprises.create', TEA);
    expect(await search(t, '泉城')).toHaveLength(1); // loads the index before the edit
    await t.call('enterprises.update', { id: tea.id, fields: { ...TEA, name: '济南趵突泉茶业有限公司' } });
    expect(await search(t, '泉城')).toEqual([]);
    expect(await search(t, '趵突泉')).toEqual(['济南趵突泉茶业有限公司']);
  });

  it('notices enterprises written by another connection to the same file (the CLI)', async () => {
    const app = start();
    await app.call('enterprises.create', TEA);
    expect(await search(app, '海纳')).toEqual([]);
    const cli = start(app.dataDir);
    const added = await cli.call('enterprises.create', named(1, '青岛海纳电子有限公司'));
    expect(await search(app, '海纳')).toEqual(['青岛海纳电子有限公司']);
    await cli.call('enterprises.update', { id: added.id, fields: { ...named(1, '青岛海纳智能有限公司') } });
    expect(await search(app, '海纳智能')).toEqual(['青岛海纳智能有限公司']);
    expect(await search(app, '海纳电子')).toEqual([]);
    expect((await app.call('enterprises.list', {})).total).toBe(2);
  });

  it('notices rows written on its own connection outside the enterprise service (a sync applying a pull)', async () => {
    const t = start();
    const tea = await t.call('enterprises.create', TEA);
    expect(await search(t, '泉城')).toHaveLength(1);
    db(t).prepare("UPDATE enterprise SET name = '济南大明湖茶业有限公司', updated_at = '2030-01-01T00:00:00Z' WHERE id = ?").run(tea.id);
    expect(await search(t, '泉城')).toEqual([]);
    expect(await search(t, '大明湖')).toEqual(['济南大明湖茶业有限公司']);
  });
});

describe('enterprises: the list as people look for things (issue 8 item 17)', () => {
  const seed = async (t: TestBackend) => {
    await t.call('system.setOperator', { name: '李敏', channel: 'customer_manager' });
    const create = async (input: EnterpriseInput) => {
      t.clock.advance(1000);
      return t.call('enterprises.create', input);
    };
    const tea = await create(TEA);
    const machines = await create({
      ...named(1, '淄博临淄机械有限公司'),
      region: { province: '山东省', city: '淄博市', district: '临淄区' },
    });
    const bank = await create({
      ...named(2, '济南长行银行科技有限公司'),
      region: { province: '山东省', city: '济南市', district: '市中区' },
    });
    const tech = await create(named(3, '北京泉城科技有限公司'));
    return { tea, machines, bank, tech };
  };
  const list = async (t: TestBackend, input: Omit<Input<'enterprises.list'>, 'offset' | 'limit'>) =>
    (await t.call('enterprises.list', input)).rows.map((r) => r.name);

  it('finds by the contact\u2019s name, the district, several words and pinyin initials, typed in full width too', async () => {
    const t = start();
    await seed(t);
    expect(await search(t, '王建国')).toEqual(['济南泉城茶业有限公司']);
    expect(await search(t, '历下')).toEqual(['济南泉城茶业有限公司']);
    expect(await search(t, '淄博 机械')).toEqual(['淄博临淄机械有限公司']);
    expect((await search(t, '济南 科技')).sort()).toEqual(['济南长行银行科技有限公司']);
    expect(await search(t, 'lzjx')).toEqual(['淄博临淄机械有限公司']);
    expect(await search(t, 'ＬＺＪＸ')).toEqual(['淄博临淄机械有限公司']);
    expect(await search(t, '泉城\u3000茶业')).toEqual(['济南泉城茶业有限公司']);
    // 长 and 行 have two readings each: every spelling finds the name.
    for (const initials of ['jncxyh', 'jnzhyh', 'jnchyh'])
      expect(await search(t, initials), initials).toEqual(['济南长行银行科技有限公司']);
    expect(await search(t, 'xyz')).toEqual([]);
  });

  it('filters by platform status, plan and region, and says each row\u2019s status and plan', async () => {
    const t = start();
    const { tea, machines } = await seed(t);
    await openSigned(t, tea.id, 'site-standard');
    await t.backend.writes.write((db) => db.prepare("UPDATE enterprise SET platform_status = 'opened' WHERE id = ?").run(machines.id)); // as a sync's pull writes it
    expect(await list(t, { status: 'opened' })).toEqual(['淄博临淄机械有限公司']);
    expect((await list(t, { status: 'local' })).sort()).toEqual([
      '北京泉城科技有限公司',
      '济南泉城茶业有限公司',
      '济南长行银行科技有限公司',
    ]);
    expect(await list(t, { planCode: 'site-standard' })).toEqual(['济南泉城茶业有限公司']);
    expect(await list(t, { planCode: 'none', region: '山东省/济南市' })).toEqual(['济南长行银行科技有限公司']);
    expect(await list(t, { query: '济南', region: '山东省/济南市', planCode: 'site-standard' })).toEqual(['济南泉城茶业有限公司']);
    const rows = (await t.call('enterprises.list', {})).rows;
    expect(rows.find((r) => r.id === tea.id)).toMatchObject({ status: null, planCode: 'site-standard' });
    expect(rows.find((r) => r.id === machines.id)).toMatchObject({ status: 'opened', planCode: null });
  });

  it('filters by plan as the orders are now, after each signed order and each order another connection writes', async () => {
    const t = start();
    const { tea, machines } = await seed(t);
    expect(await list(t, { planCode: 'site-standard' })).toEqual([]);
    await openSigned(t, tea.id, 'site-standard');
    expect(await list(t, { planCode: 'site-standard' })).toEqual(['济南泉城茶业有限公司']);
    const cli = start(t.dataDir);
    await openSigned(cli, machines.id, 'site-standard');
    expect((await list(t, { planCode: 'site-standard' })).sort()).toEqual(['济南泉城茶业有限公司', '淄博临淄机械有限公司']);
    // A cancellation applied by a pull, on the app's own connection, outside the orders service.
    await t.backend.writes.write((db) =>
      db
        .prepare(
          "INSERT INTO service_order (id, enterprise_id, kind, plan_code, request_date, effective_date, status, quote_json, catalog_version, created_by, created_at, signed_at) VALUES ('pulled-cancel', ?, 'cancel', 'site-standard', '2026-12-01', '2026-12-01', 'submitted', '{}', 1, '李敏', '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z')",
        )
        .run(tea.id),
    );
    expect(await list(t, { planCode: 'site-standard' })).toEqual(['淄博临淄机械有限公司']);
    expect(await list(t, { planCode: 'none', region: '山东省/济南市' })).toContain('济南泉城茶业有限公司');
  });

  it('sorts by name in pinyin order and by registration, newest first', async () => {
    const t = start();
    const { machines } = await seed(t);
    t.clock.advance(60_000);
    await t.call('enterprises.update', {
      id: machines.id,
      fields: { ...named(1, '淄博临淄机械有限公司'), region: { province: '山东省', city: '淄博市', district: '临淄区' }, note: '改过' },
    });
    // běi < jǐ nán cháng < jǐ nán quán < zī
    expect(await list(t, { sort: 'name' })).toEqual([
      '北京泉城科技有限公司',
      '济南长行银行科技有限公司',
      '济南泉城茶业有限公司',
      '淄博临淄机械有限公司',
    ]);
    expect((await list(t, {}))[0]).toBe('淄博临淄机械有限公司');
    expect(await list(t, { sort: 'created' })).toEqual([
      '北京泉城科技有限公司',
      '济南长行银行科技有限公司',
      '淄博临淄机械有限公司',
      '济南泉城茶业有限公司',
    ]);
    expect(await list(t, { sort: 'name', query: '济南' })).toEqual(['济南长行银行科技有限公司', '济南泉城茶业有限公司']);
  });

  it('takes a mobile and a credit code typed in full width', async () => {
    const t = start();
    const created = await t.call('enterprises.create', {
      ...TEA,
      creditCode: '９１３７０１００ＭＡ３Ｃ４Ｑ７Ｂ０Ｘ',
      contact: { ...TEA.contact, mobile: '１３８－０５３１－０００１' },
    });
    expect(created.contact.mobile).toBe('13805310001');
    expect(created.creditCode).toBe('91370100MA3C4Q7B0X');
  });
});

describe('enterprises: outbox and audit trail', () => {
  it('writes exactly one create op per enterprise, with the synced fields', async () => {
    const t = start();
    const tea = await t.call('enterprises.create', TEA);
    const other = await t.call('enterprises.create', enterpriseInput(4));
    const ops = outbox(t);
    expect(ops.map((o) => [o.row_id, o.kind, o.status])).toEqual([
      [tea.id, 'create', 'pending'],
      [other.id, 'create', 'pending'],
    ]);
    expect(JSON.parse(ops[0]!.patch_json)).toMatchObject({
      name: TEA.name,
      creditCode: TEA.creditCode,
      region: TEA.region,
      contact: { mobile: '13805310001' },
    });
  });

  it('folds edits into the pending create op; once sent, an edit queues an update op with the changed fields', async () => {
    const t = start();
    const tea = await t.call('enterprises.create', TEA);
    await t.call('enterprises.update', { id: tea.id, fields: { ...TEA, manager: '张伟' } });
    await t.call('enterprises.update', { id: tea.id, fields: { ...TEA, manager: '张伟', address: '山东省济南市历下区泉城路200号' } });
    let ops = outbox(t);
    expect(ops).toHaveLength(1);
    expect(ops[0]!.kind).toBe('create');
    expect(JSON.parse(ops[0]!.patch_json)).toMatchObject({ manager: '张伟', address: '山东省济南市历下区泉城路200号', name: TEA.name });

    db(t).prepare("UPDATE outbox SET status = 'sent'").run(); // as the sync engine does when it sends
    await t.call('enterprises.update', { id: tea.id, fields: { ...TEA, manager: '赵敏', address: '山东省济南市历下区泉城路200号' } });
    await t.call('enterprises.update', {
      id: tea.id,
      fields: { ...TEA, manager: '赵敏', address: '山东省济南市历下区泉城路200号', note: '老客户' },
    });
    ops = outbox(t);
    expect(ops.map((o) => [o.kind, o.status])).toEqual([
      ['create', 'sent'],
      ['update', 'pending'],
    ]);
    expect(JSON.parse(ops[1]!.patch_json)).toEqual({ manager: '赵敏', note: '老客户' });
  });

  it('writes nothing for an edit that changes nothing', async () => {
    const t = start();
    const tea = await t.call('enterprises.create', TEA);
    db(t).prepare("UPDATE outbox SET status = 'sent'").run();
    await t.call('enterprises.update', { id: tea.id, fields: TEA });
    expect(outbox(t)).toHaveLength(1);
    expect(count(t, 'audit_log')).toBe(1);
  });

  it("records who created and who edited, with the operator's name", async () => {
    const t = start();
    await t.call('system.setOperator', { name: '李娜', channel: 'business_hall' });
    const tea = await t.call('enterprises.create', TEA);
    t.clock.advance(5_000);
    await t.call('enterprises.update', { id: tea.id, fields: { ...TEA, manager: '张伟' } });
    const trail = db(t)
      .prepare('SELECT actor, action, at, detail_json FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY at')
      .all('enterprise', tea.id);
    expect(trail).toEqual([
      { actor: '李娜', action: 'enterprise.created', at: tea.createdAt, detail_json: JSON.stringify({ name: TEA.name }) },
      { actor: '李娜', action: 'enterprise.updated', at: t.clock.now.toISOString(), detail_json: JSON.stringify({ fields: ['manager'] }) },
    ]);
  });

  it('writes the row, the op and the audit entry in one transaction: a failing save leaves none of them', async () => {
    const t = start();
    const failOn = (table: string) =>
      db(t).exec(`CREATE TEMP TRIGGER fail_${table} BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`);
    const stopFailing = (table: string) => db(t).exec(`DROP TRIGGER temp.fail_${table}`);

    failOn('outbox');
    expect(await t.transport.invoke('enterprises.create', TEA)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect([count(t, 'enterprise'), count(t, 'outbox'), count(t, 'audit_log')]).toEqual([0, 0, 0]);
    stopFailing('outbox');

    failOn('audit_log');
    expect((await t.transport.invoke('enterprises.create', TEA)).ok).toBe(false);
    expect([count(t, 'enterprise'), count(t, 'outbox'), count(t, 'audit_log')]).toEqual([0, 0, 0]);
    expect(await search(t, '泉城')).toEqual([]);
    stopFailing('audit_log');

    const tea = await t.call('enterprises.create', TEA);
    db(t).prepare("UPDATE outbox SET status = 'sent'").run();
    failOn('audit_log');
    expect((await t.transport.invoke('enterprises.update', { id: tea.id, fields: { ...TEA, name: '济南新名字有限公司' } })).ok).toBe(false);
    expect((await t.call('enterprises.get', { id: tea.id })).name).toBe(TEA.name);
    expect(outbox(t)).toHaveLength(1);
    expect(await search(t, '新名字')).toEqual([]);
  });

  it('tells every window that an enterprise changed', async () => {
    const t = start();
    const seen: unknown[] = [];
    t.transport.on('data.changed', (payload) => seen.push(payload));
    const tea = await t.call('enterprises.create', TEA);
    await t.call('enterprises.update', { id: tea.id, fields: { ...TEA, manager: '张伟' } });
    expect(seen).toEqual([
      { entity: 'enterprise', id: tea.id },
      { entity: 'enterprise', id: tea.id },
    ]);
  });
});
