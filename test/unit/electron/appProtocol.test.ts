import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, resolveAppPath } from '../../../electron/main/appProtocol';

const root = path.resolve('/opt/ecw/out/renderer');
const inside = (file: string | null) => file === null || file.startsWith(root + path.sep);

describe('app:// protocol paths', () => {
  it('maps app://ui/… to files of the renderer folder', () => {
    expect(resolveAppPath('app://ui/index.html', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://ui/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://ui/assets/index-D2Wr617V.js', root)).toBe(path.join(root, 'assets', 'index-D2Wr617V.js'));
    expect(resolveAppPath('app://ui/fonts/%E5%BE%AE%E8%BD%AF%E9%9B%85%E9%BB%91.ttf', root)).toBe(path.join(root, 'fonts', '微软雅黑.ttf'));
  });

  it.each([
    'app://ui/..%2f..%2f..%2fetc%2fpasswd',
    'app://ui/%2e%2e%2f%2e%2e%2fetc/passwd',
    'app://ui/assets/..%2f..%2f..%2f..%2fetc%2fpasswd',
    'app://ui/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    'app://ui/..%2F..%2F..%2F..%2Fhome',
  ])('refuses the traversal %s', (url) => {
    const file = resolveAppPath(url, root);
    expect(inside(file), String(file)).toBe(true);
  });

  it('keeps a literal ../ (which URL parsing already folds) inside the folder', () => {
    expect(inside(resolveAppPath('app://ui/../../etc/passwd', root))).toBe(true);
    expect(resolveAppPath('app://ui/..%2f..%2fetc%2fpasswd', root)).toBeNull();
  });

  it.each([
    'app://evil/index.html',
    'app://ui.evil.example/index.html',
    'https://ui/index.html',
    'file:///etc/passwd',
    'app:index.html',
    'not a url',
  ])('refuses %s (not our scheme and host)', (url) => expect(resolveAppPath(url, root)).toBeNull());

  it('refuses a malformed escape instead of throwing', () => {
    expect(resolveAppPath('app://ui/%E0%A4%A', root)).toBeNull();
  });

  it('never resolves to the folder itself or a sibling with the same prefix', () => {
    expect(resolveAppPath('app://ui/..%2frenderer-secrets%2fkey', root)).toBeNull();
  });
});

describe('the app’s Content-Security-Policy (issue 8 item 9)', () => {
  it('lets frames load only the app’s own pages: no data: or blob: documents', () => {
    const frameSrc = CONTENT_SECURITY_POLICY.split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('frame-src'));
    expect(frameSrc).toBe("frame-src 'self'");
  });
});
