/**
 * Every stable error code the backend raises literally (`new AppError('order.already_active', …)`)
 * has a zh-CN and an en-US text, so the UI never falls back to the English developer message.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/paths';

type Tree = { [key: string]: string | Tree };

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

const raisedCodes = [
  ...new Set(files(path.join(REPO_ROOT, 'electron/backend')).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/AppError\(\s*'([a-z_.]+)'/g)].map((m) => m[1]!))),
].sort();

function localeKeys(language: string): Set<string> {
  const keys = new Set<string>();
  const walk = (tree: Tree, prefix: string) =>
    Object.entries(tree).forEach(([k, v]) => (typeof v === 'string' ? keys.add(prefix + k) : walk(v, `${prefix}${k}.`)));
  const roots = ['renderer/src/app', ...readdirSync(path.join(REPO_ROOT, 'renderer/src/features')).map((f) => `renderer/src/features/${f}`)];
  for (const root of roots) {
    const file = path.join(REPO_ROOT, root, 'locales', `${language}.json`);
    try {
      walk(JSON.parse(readFileSync(file, 'utf8')) as Tree, '');
    } catch {
      /* a feature without strings */
    }
  }
  return keys;
}

describe('error codes', () => {
  it('are found in the backend (the scan works)', () => {
    expect(raisedCodes).toContain('enterprise.duplicate_credit_code');
    expect(raisedCodes.length).toBeGreaterThan(20);
  });

  for (const language of ['zh-CN', 'en-US']) {
    it(`all have a ${language} text`, () => {
      const keys = localeKeys(language);
      expect(raisedCodes.filter((code) => !keys.has(`errors.${code}`))).toEqual([]);
    });
  }
});
