import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestBackend, tempDir } from '../../helpers/backend';
import { FIXTURES_DIR } from '../../helpers/paths';
import { ecw } from './support';

const ENTERPRISE = path.join(FIXTURES_DIR, 'materials', 'quancheng-tea', 'enterprise.json');
const MATERIALS = path.join(FIXTURES_DIR, 'materials', 'quancheng-tea');
const SIGNATURE = path.join(FIXTURES_DIR, 'signatures', 'wang-jianguo.png');

let dataDir: string;
beforeEach(() => {
  dataDir = tempDir();
});

const run = (...argv: string[]) => ecw('--data-dir', dataDir, ...argv);

async function enterpriseWithDraftOrder(): Promise<{ enterpriseId: string; orderId: string }> {
  const created = await run('enterprise', 'create', '--from', ENTERPRISE, '--manager', '李敏', '--json');
  const enterpriseId = (created.json as { id: string }).id;
  const listed = await run('order', 'list', '--enterprise', enterpriseId, '--json');
  return { enterpriseId, orderId: (listed.json as { id: string }[])[0]!.id };
}

describe('ecw order list / sign / submit', () => {
  it('lists, signs and submits the opening order in exactly the issue’s shapes', async () => {
    const { enterpriseId, orderId } = await enterpriseWithDraftOrder();
    const listed = await run('order', 'list', '--enterprise', enterpriseId, '--json');
    expect(listed.code).toBe(0);
    expect(listed.json).toEqual([{ id: orderId, kind: 'open', plan: 'site-standard', status: 'draft', openDate: '2026-11-16' }]);

    const signed = await run('order', 'sign', orderId, '--signer', '王建国', '--signature', SIGNATURE, '--json');
    expect(signed.code).toBe(0);
    expect(signed.json).toEqual({ id: orderId, status: 'signed' });

    const submitted = await run('order', 'submit', orderId, '--json');
    expect(submitted.code).toBe(0);
    expect(submitted.json).toEqual({ id: orderId, status: 'submitted' });

    const after = await run('order', 'list', '--enterprise', enterpriseId, '--json');
    expect((after.json as { status: string }[])[0]!.status).toBe('submitted');
    // The submission is durable in the outbox, sent at the next sync.
    const t = createTestBackend({ dataDir });
    try {
      const queued = t.backend.database()!.prepare(`SELECT row_id FROM outbox WHERE kind = 'command' AND name = 'order.submit.v1'`).all();
      expect(queued).toEqual([{ row_id: orderId }]);
    } finally {
      t.cleanup();
    }
  });

  it('refuses submitting an unsigned order with its stable code, and a missing signature file or flag', async () => {
    const { enterpriseId, orderId } = await enterpriseWithDraftOrder();
    const early = await run('order', 'submit', orderId, '--json');
    expect(early.code).toBe(1);
    expect((early.json as { error: { code: string } }).error.code).toBe('order.not_signed');

    const noFile = await run('order', 'sign', orderId, '--signer', '王建国', '--signature', path.join(tempDir(), 'none.png'), '--json');
    expect(noFile.code).toBe(1);
    expect((noFile.json as { error: { code: string } }).error.code).toBe('file.unreadable');

    const notPng = path.join(tempDir(), 'x.png');
    writeFileSync(notPng, 'not a picture'.repeat(20));
    const bad = await run('order', 'sign', orderId, '--signer', '王建国', '--signature', notPng, '--json');
    expect(bad.code).toBe(1);
    expect((bad.json as { error: { code: string } }).error.code).toBe('order.signature_invalid');
    expect((await run('order', 'sign', orderId, '--signature', SIGNATURE, '--json')).code).toBe(2);
    expect((await run('order', 'list', '--json')).code).toBe(2);
    expect((await run('order', 'list', '--enterprise', enterpriseId, '--bogus', 'x', '--json')).code).toBe(2);
    // Nothing was signed by the failed attempts.
    const listed = await run('order', 'list', '--enterprise', enterpriseId, '--json');
    expect((listed.json as { status: string }[])[0]!.status).toBe('draft');
  });
});

describe('ecw site signoff', () => {
  it('signs off the imported site and prints {siteId, revision}', async () => {
    const { enterpriseId } = await enterpriseWithDraftOrder();
    const imported = await run('site', 'import', MATERIALS, '--enterprise', enterpriseId, '--json');
    const { siteId } = imported.json as { siteId: string };
    const signed = await run('site', 'signoff', siteId, '--signer', '王建国', '--signature', SIGNATURE, '--json');
    expect(signed.code).toBe(0);
    const t = createTestBackend({ dataDir });
    try {
      const site = await t.call('sites.get', { siteId });
      expect(signed.json).toEqual({ siteId, revision: site.revision });
      expect(site.signedOffRevision).toBe(site.revision);
      const documents = await t.call('documents.listForEnterprise', { enterpriseId });
      expect(documents.map((d) => d.kind)).toContain('site_signoff');
    } finally {
      t.cleanup();
    }
  });

  it('is a usage error without --signer, and an unknown site keeps its code', async () => {
    expect((await run('site', 'signoff', 'x', '--signature', SIGNATURE, '--json')).code).toBe(2);
    const unknown = await run('site', 'signoff', 'no-such-site', '--signer', '王建国', '--signature', SIGNATURE, '--json');
    expect(unknown.code).toBe(1);
    expect((unknown.json as { error: { code: string } }).error.code).toBe('site.not_found');
  });
});
