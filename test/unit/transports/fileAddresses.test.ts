/**
 * The file addresses' shared rules (shared/api/files.ts): an address carries its flat input and
 * nothing else names a file; what the server sends the window reads back; only pictures and PDFs
 * are shown in place — any other type is a download, never rendered on the app's origin.
 */
import { describe, expect, it } from 'vitest';
import { fileBodyOf, fileErrorStatus, fileHeaders, filePath, fileRequest, type FileBody } from '../../../shared/api/files';

const bytes = new Uint8Array([1, 2, 3]);
const sha256 = 'a'.repeat(64);

describe('file addresses', () => {
  it('carry the input as a query string and read it back (the token left out)', () => {
    const address = filePath('files.image', { sha256, variant: 'wap1' });
    expect(address).toBe(`/api/files/files.image?sha256=${sha256}&variant=wap1`);
    expect(fileRequest(new URL(`http://127.0.0.1:1${address}&token=secret`))).toEqual({
      name: 'files.image',
      input: { sha256, variant: 'wap1' },
    });
    expect(filePath('files.siteExport', { siteId: 's1', revision: 3 })).toBe('/api/files/files.siteExport?siteId=s1&revision=3');
  });

  it.each(['/api/files/sites.get?siteId=1', '/api/files/../sites.get', '/api/enterprises.list', '/api/files/'])(
    'name no file at %s',
    (address) => {
      expect(fileRequest(new URL(`http://127.0.0.1:1${address}`))).toBeNull();
    },
  );

  it('hands the window back what the server sent', () => {
    const body: FileBody = {
      bytes,
      mime: 'application/pdf',
      fileName: '服务订单 2026.pdf',
      immutable: true,
      image: { width: 4, height: 3 },
    };
    const headers = fileHeaders(body);
    expect(fileBodyOf(bytes, (name) => headers[name] ?? null)).toEqual(body);
  });

  it('shows only pictures and PDFs in place; anything else is a download', () => {
    expect(fileHeaders({ bytes, mime: 'image/png' })['content-disposition']).toBe('inline');
    expect(fileHeaders({ bytes, mime: 'text/html', fileName: 'x.html' })['content-disposition']).toBe(
      `attachment; filename="x.html"; filename*=UTF-8''x.html`,
    );
    expect(fileHeaders({ bytes, mime: 'image/svg+xml' })['content-disposition']).toBe('attachment');
    expect(fileHeaders({ bytes, mime: 'image/png' })).toMatchObject({
      'x-content-type-options': 'nosniff',
      'cross-origin-resource-policy': 'same-origin',
      'cache-control': 'no-store',
    });
  });

  it('answers failures with a status that says which', () => {
    expect(
      ['invalid_input', 'site.image_missing', 'document.not_found', 'unknown_procedure', 'internal', 'db_unavailable'].map(fileErrorStatus),
    ).toEqual([400, 404, 404, 404, 500, 503]);
  });
});
