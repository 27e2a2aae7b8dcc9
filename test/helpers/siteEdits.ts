/**
 * A site edit as the editor makes it: the answer (what changed) put onto the site as it was — and
 * checked against the site as saved, so every test that edits a site this way also checks that the
 * answer is enough for the screen to show what was saved.
 */
import { expect } from 'vitest';
import type { Input } from '../../shared/api';
import { applySiteDelta, type SiteEditName } from '../../shared/api/siteDelta';
import type { Site } from '../../shared/api/sites';
import type { TestBackend } from './backend';

export async function editSite<N extends SiteEditName>(t: Pick<TestBackend, 'call'>, name: N, input: Input<N>): Promise<Site> {
  const { siteId } = input as { siteId: string };
  const before = await t.call('sites.get', { siteId });
  const after = applySiteDelta(before, await t.call(name, input));
  expect(after, `${name}: the answer put onto revision ${before.revision}`).toEqual(await t.call('sites.get', { siteId }));
  return after;
}
