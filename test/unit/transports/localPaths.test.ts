/** Which calls name a path on this machine (what browser mode and Electron's relay refuse from the page). */
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localPathField } from '../../../shared/api/localPaths';

describe('localPathField', () => {
  it('names a licence read from a path, not one from uploaded bytes', () => {
    expect(localPathField('licence.read', { source: { kind: 'path', path: path.join(os.tmpdir(), 'licence.jpg') } })).toBe('source');
    expect(localPathField('licence.read', { source: { kind: 'file', name: 'a.jpg', base64: 'AA==' }, keep: true })).toBeUndefined();
  });

  it('still names the import paths and the export folder', () => {
    expect(localPathField('sites.import', { enterpriseId: 'e', paths: [path.join(os.tmpdir(), 'x')] })).toBe('paths');
    expect(localPathField('sites.export', { siteId: 's', outDir: os.tmpdir() })).toBe('outDir');
    expect(localPathField('sites.export', { siteId: 's' })).toBeUndefined();
  });
});
