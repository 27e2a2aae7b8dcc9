/** The roster's wire rows: what the platform sends is parsed before anything is stored; a malformed row is refused with its problems. */
import { describe, expect, it } from 'vitest';
import { rosterMemberSyncAdapter, rosterOrderSyncAdapter } from '../../../electron/backend/domains/roster/syncAdapter';

const member = {
  id: 'm1',
  enterpriseId: 'e1',
  name: '王伟',
  mobile: '13800138000',
  department: '销售部',
  title: '经理',
  email: null,
  shortNumber: '612345',
  extension: '8001',
  portedIn: false,
  groupNumber: 'VP3701020001',
  lastOrderId: 'o1',
  createdAt: '2026-11-16T01:00:00Z',
  updatedAt: '2026-11-16T01:00:00Z',
};
const order = {
  id: 'o1',
  enterpriseId: 'e1',
  status: 'completed',
  changes: [{ action: 'remove', memberId: 'm9' }],
  results: [{ memberId: 'm9', action: 'remove', status: 'confirmed' }],
  groupNumber: 'VP3701020001',
  failure: null,
  submittedAt: '2026-11-16T01:00:00Z',
  submittedBy: 'jn.manager',
  processedAt: '2026-11-16T01:01:00Z',
  createdAt: '2026-11-16T01:00:00Z',
  updatedAt: '2026-11-16T01:01:00Z',
};

describe('roster wire rows', () => {
  it('parses rows as the platform sends them', () => {
    expect(rosterMemberSyncAdapter.parse(member)).toEqual({ ok: true, row: member });
    expect(rosterOrderSyncAdapter.parse(order)).toMatchObject({ ok: true });
  });

  it('refuses a member without a 6-digit short number or with a mobile that is no mobile, saying where', () => {
    expect(rosterMemberSyncAdapter.parse({ ...member, shortNumber: '12', mobile: '110' })).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^mobile: /), expect.stringMatching(/^shortNumber: /)],
    });
    expect(rosterOrderSyncAdapter.parse({ ...order, results: [{ memberId: 'm9', action: 'remove', status: 'maybe' }] })).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^results\.0\.status/)],
    });
  });
});
