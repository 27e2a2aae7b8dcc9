import { afterEach, describe, expect, it } from 'vitest';
import type { ProcedureName, Input } from '../../../shared/api';
import { plainText } from '../../../shared/sites/model';
import { createTestBackend, type TestBackend } from '../../helpers/backend';
import { columnOf, teaEnterprise } from './support';
import { editSite } from '../../helpers/siteEdits';

const backends: TestBackend[] = [];
afterEach(() => backends.splice(0).forEach((b) => b.cleanup()));

async function freshSite() {
  const backend = createTestBackend();
  backends.push(backend);
  const enterpriseId = await teaEnterprise(backend);
  const site = await backend.call('sites.create', { enterpriseId });
  return { backend, enterpriseId, site };
}

async function failure<N extends ProcedureName>(backend: TestBackend, name: N, input: Input<N>) {
  const result = await backend.transport.invoke(name, input);
  if (result.ok) throw new Error(`${name} succeeded`);
  return result.error;
}

const siteOps = (backend: TestBackend, siteId: string) =>
  backend.backend
    .database()!
    .prepare(`SELECT kind, patch_json, status FROM outbox WHERE tbl = 'site' AND row_id = ? ORDER BY op_seq`)
    .all(siteId) as { kind: string; patch_json: string; status: string }[];

describe('a new site', () => {
  it('starts from the enterprise: name, short name, contact, the industry’s template and its columns', async () => {
    const { site, enterpriseId } = await freshSite();
    expect(site.enterpriseId).toBe(enterpriseId);
    expect(site.content.profile).toMatchObject({ name: '济南泉城茶业有限公司', shortName: '泉城茶业', industry: { section: 'F' } });
    expect(site.content.profile.contact).toMatchObject({
      address: '山东省济南市历下区泉城路188号',
      person: '王建国',
      phones: [{ label: '手机', number: '13805310001' }],
    });
    expect(site.content.template.templateId).toBe('retail-tea');
    expect(site.content.columns.map((c) => c.type)).toEqual(['intro', 'products', 'news', 'supply', 'jobs', 'contact', 'guestbook']);
    expect(site.revision).toBe(1);
  });

  it('is one per enterprise', async () => {
    const { backend, enterpriseId } = await freshSite();
    expect((await failure(backend, 'sites.create', { enterpriseId })).code).toBe('site.exists');
  });
});

describe('editing', () => {
  it('adds, edits, reorders and removes items; each save bumps the revision and updates the one pending outbox op', async () => {
    const { backend, site } = await freshSite();
    const products = columnOf(site, 'products');
    let s = await editSite(backend, 'sites.addItem', {
      siteId: site.id,
      revision: site.revision,
      columnId: products.id,
      item: { kind: 'product', name: '崂山绿茶', price: { kind: 'amount', fen: 12800 }, description: [], images: [] },
    });
    const tea = columnOf(s, 'products').items[0]!;
    s = await editSite(backend, 'sites.addItem', {
      siteId: site.id,
      columnId: products.id,
      item: { kind: 'product', name: '安溪铁观音', description: [], images: [] },
    });
    s = await editSite(backend, 'sites.updateItem', {
      siteId: site.id,
      itemId: tea.id,
      item: { kind: 'product', name: '崂山绿茶（新茶）', description: [{ type: 'paragraph', runs: [{ text: '豆香浓郁' }] }], images: [] },
    });
    const ids = columnOf(s, 'products').items.map((i) => i.id);
    s = await editSite(backend, 'sites.reorderItems', { siteId: site.id, columnId: products.id, itemIds: [...ids].reverse() });
    expect(columnOf(s, 'products').items.map((i) => (i.kind === 'product' ? i.name : ''))).toEqual(['安溪铁观音', '崂山绿茶（新茶）']);
    s = await editSite(backend, 'sites.removeItem', { siteId: site.id, itemId: tea.id, toTray: true });
    expect(columnOf(s, 'products').items).toHaveLength(1);
    expect(plainText(s.content.unsorted[0]!.blocks)).toBe('崂山绿茶（新茶）\n豆香浓郁');
    expect(s.revision).toBe(6);
    // Never synced: the create op absorbs every later edit (SYNC.md §3.2), carrying the latest content.
    const ops = siteOps(backend, site.id);
    expect(ops.map((o) => o.kind)).toEqual(['create']);
    expect((JSON.parse(ops[0]!.patch_json) as { content: { unsorted: unknown[] } }).content.unsorted).toHaveLength(1);
    const audit = backend.backend.database()!.prepare(`SELECT action FROM audit_log WHERE entity = 'site' ORDER BY at, rowid`).all() as {
      action: string;
    }[];
    expect(audit.map((a) => a.action)).toEqual([
      'site.created',
      'site.item_added',
      'site.item_added',
      'site.item_updated',
      'site.items_reordered',
      'site.item_removed',
    ]);
  });

  it('sends only the changed fields once the site has been sent', async () => {
    const { backend, site } = await freshSite();
    backend.backend.database()!.prepare(`UPDATE outbox SET status = 'acked' WHERE tbl = 'site'`).run();
    await editSite(backend, 'sites.updateColumn', { siteId: site.id, columnId: columnOf(site, 'intro').id, title: '关于我们' });
    const update = siteOps(backend, site.id).at(-1)!;
    expect(update.kind).toBe('update');
    expect(Object.keys(JSON.parse(update.patch_json))).toEqual(['content']);
  });

  it('refuses an edit made on an old revision, so two windows cannot overwrite each other', async () => {
    const { backend, site } = await freshSite();
    await editSite(backend, 'sites.updateColumn', {
      siteId: site.id,
      revision: 1,
      columnId: columnOf(site, 'intro').id,
      title: '企业介绍',
    });
    const error = await failure(backend, 'sites.updateColumn', {
      siteId: site.id,
      revision: 1,
      columnId: columnOf(site, 'intro').id,
      title: '关于我们',
    });
    expect(error.code).toBe('site.stale');
    expect((await backend.call('sites.get', { siteId: site.id })).content.columns[0]!.title).toBe('企业介绍');
  });

  it('rejects content the model does not allow, saving nothing', async () => {
    const { backend, site } = await freshSite();
    const jobs = columnOf(site, 'jobs');
    expect(
      (
        await failure(backend, 'sites.addItem', {
          siteId: site.id,
          columnId: jobs.id,
          item: { kind: 'product', name: '茶', description: [], images: [] },
        })
      ).code,
    ).toBe('site.item_kind_mismatch');
    const badLink = await failure(backend, 'sites.updateColumn', {
      siteId: site.id,
      columnId: columnOf(site, 'intro').id,
      body: [{ type: 'paragraph', runs: [{ text: '点我', href: 'javascript:alert(1)' }] }],
    });
    expect(badLink.code).toBe('invalid_input');
    expect(badLink.issues?.[0]?.code).toBe('site.link.scheme');
    expect((await failure(backend, 'sites.reorderColumns', { siteId: site.id, columnIds: [columnOf(site, 'intro').id] })).code).toBe(
      'site.reorder_mismatch',
    );
    expect((await backend.call('sites.get', { siteId: site.id })).revision).toBe(1);
  });

  it('moves a removed column’s content to the tray, and places tray entries as a new item or the logo', async () => {
    const { backend, site } = await freshSite();
    const intro = columnOf(site, 'intro');
    let s = await editSite(backend, 'sites.updateColumn', {
      siteId: site.id,
      columnId: intro.id,
      body: [{ type: 'paragraph', runs: [{ text: '百年老店' }] }],
    });
    s = await editSite(backend, 'sites.removeColumn', { siteId: site.id, columnId: intro.id });
    expect(s.content.columns.some((c) => c.id === intro.id)).toBe(false);
    const entry = s.content.unsorted[0]!;
    expect(plainText(entry.blocks)).toBe('百年老店');
    s = await editSite(backend, 'sites.moveFromTray', {
      siteId: site.id,
      entryId: entry.id,
      target: { kind: 'newItem', columnId: columnOf(s, 'news').id },
    });
    expect(columnOf(s, 'news').items).toMatchObject([{ kind: 'article', title: '百年老店', body: [] }]);
    expect(s.content.unsorted).toEqual([]);
    expect((await failure(backend, 'sites.moveFromTray', { siteId: site.id, entryId: entry.id, target: { kind: 'logo' } })).code).toBe(
      'site.tray_entry_not_found',
    );
  });
});

describe('domain, template and SMS settings', () => {
  it('accepts an own IDN domain and an assigned label, and refuses bad ones with stable codes', async () => {
    const { backend, site } = await freshSite();
    let s = await editSite(backend, 'sites.setDomain', { siteId: site.id, domain: { kind: 'own', name: '泉城茶业.中国' } });
    expect(s.content.domain).toEqual({ kind: 'own', name: '泉城茶业.中国' });
    s = await editSite(backend, 'sites.setDomain', { siteId: site.id, domain: { kind: 'assigned', label: 'QuanchengTea' } });
    expect(s.content.domain).toEqual({ kind: 'assigned', label: 'quanchengtea' });
    const own = await failure(backend, 'sites.setDomain', { siteId: site.id, domain: { kind: 'own', name: 'com.cn' } });
    expect([own.code, own.details?.reason]).toEqual(['site.domain_invalid', 'domain.public_suffix']);
    expect((await failure(backend, 'sites.setDomain', { siteId: site.id, domain: { kind: 'assigned', label: '泉城' } })).code).toBe(
      'site.label_invalid',
    );
  });

  it('refuses the labels the platform keeps for its own addresses (www, wap …), keeping the saved one', async () => {
    const { backend, site } = await freshSite();
    await editSite(backend, 'sites.setDomain', { siteId: site.id, domain: { kind: 'assigned', label: 'quanchengtea' } });
    for (const label of ['www', 'WAP', ' wap ', 'portal']) {
      const refused = await failure(backend, 'sites.setDomain', { siteId: site.id, domain: { kind: 'assigned', label } });
      expect([refused.code, refused.field]).toEqual(['site.label_reserved', 'domain.label']);
    }
    const saved = await backend.call('sites.get', { siteId: site.id });
    expect(saved.content.domain).toEqual({ kind: 'assigned', label: 'quanchengtea' });
    await editSite(backend, 'sites.setDomain', { siteId: site.id, domain: { kind: 'assigned', label: 'www-quancheng' } }); // only the whole label is kept
  });

  it('checks the template and style exist', async () => {
    const { backend, site } = await freshSite();
    expect(
      (await failure(backend, 'sites.setTemplate', { siteId: site.id, template: { templateId: 'nope', styleId: 'green', options: {} } }))
        .code,
    ).toBe('site.template_unknown');
    expect(
      (
        await failure(backend, 'sites.setTemplate', {
          siteId: site.id,
          template: { templateId: 'retail-tea', styleId: 'purple', options: {} },
        })
      ).code,
    ).toBe('site.style_unknown');
    const s = await editSite(backend, 'sites.setTemplate', {
      siteId: site.id,
      template: { templateId: 'restaurant', styleId: 'red', options: {} },
    });
    expect(s.content.template.templateId).toBe('restaurant');
  });

  it('saves SMS settings, refusing lottery odds above 100%', async () => {
    const { backend, site } = await freshSite();
    const sms = { ...site.content.sms, signature: '泉城茶业', serviceCode: '1065700', extension: '8801' };
    const lottery = {
      enabled: true,
      keyword: 'CJ',
      intro: '抽奖',
      prizes: [
        { name: '茶具', count: 10, chancePer10000: 9000 },
        { name: '代金券', count: 10, chancePer10000: 2000 },
      ],
      perNumberLimit: 1,
      winText: '中奖',
      loseText: '未中',
    };
    const error = await failure(backend, 'sites.updateSms', { siteId: site.id, sms: { ...sms, lottery } });
    expect(error.issues?.map((i) => i.code)).toContain('site.sms.lottery_odds');
    const s = await editSite(backend, 'sites.updateSms', { siteId: site.id, sms });
    expect(s.content.sms).toMatchObject({ signature: '泉城茶业', serviceCode: '1065700', extension: '8801' });
  });
});
