import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTestBackend, tempDir } from '../../helpers/backend';

const halfFilled = {
  name: '济南泉城茶业有限公司',
  creditCode: '91370100MA3C4Q7B',
  region: { province: '山东省', city: '济南市' },
  contact: { name: '王建国', mobile: '138' },
  step: 2,
};

describe('drafts', () => {
  it('keep a half-filled form across a backend restart on the same data directory', async () => {
    const dataDir = tempDir();
    try {
      const first = createTestBackend({ dataDir });
      const { updatedAt } = await first.call('drafts.save', { key: 'enterprise.new', value: halfFilled });
      await first.call('drafts.save', { key: 'order.new', value: { plan: 'site-standard' } });
      first.cleanup();

      const second = createTestBackend({ dataDir });
      expect(await second.call('drafts.get', { key: 'enterprise.new' })).toEqual({ value: halfFilled, updatedAt });
      expect(await second.call('drafts.delete', { key: 'enterprise.new' })).toEqual({ deleted: true });
      second.cleanup();

      const third = createTestBackend({ dataDir });
      expect(await third.call('drafts.get', { key: 'enterprise.new' })).toBeNull();
      expect(await third.call('drafts.get', { key: 'order.new' })).toMatchObject({ value: { plan: 'site-standard' } });
      third.cleanup();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('replace the previous value of a key and report when it was saved', async () => {
    const t = createTestBackend();
    try {
      await t.call('drafts.save', { key: 'enterprise.new', value: { name: '济' } });
      t.clock.advance(2_000);
      const { updatedAt } = await t.call('drafts.save', { key: 'enterprise.new', value: halfFilled });
      expect(updatedAt).toBe(t.clock.now.toISOString());
      expect(await t.call('drafts.get', { key: 'enterprise.new' })).toEqual({ value: halfFilled, updatedAt });
      expect(await t.call('drafts.delete', { key: 'enterprise.new' })).toEqual({ deleted: true });
      expect(await t.call('drafts.delete', { key: 'enterprise.new' })).toEqual({ deleted: false });
    } finally {
      t.cleanup();
    }
  });

  it('stay on this machine: saving one queues nothing for sync', async () => {
    const t = createTestBackend();
    try {
      await t.call('drafts.save', { key: 'enterprise.new', value: halfFilled });
      expect(t.backend.database()!.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
    } finally {
      t.cleanup();
    }
  });

  it('refuse an empty or overlong key', async () => {
    const t = createTestBackend();
    try {
      for (const key of ['', 'k'.repeat(201)])
        expect(await t.transport.invoke('drafts.save', { key, value: 1 })).toMatchObject({
          ok: false,
          error: { code: 'invalid_input', field: 'key' },
        });
    } finally {
      t.cleanup();
    }
  });
});
