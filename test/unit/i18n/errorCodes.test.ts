/**
 * Every stable error code the backend raises (the map in shared/api/errorCodes.ts, which is all
 * `AppError` accepts) has a zh-CN and an en-US text, so the UI never falls back to the English
 * developer message.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../shared/api/errorCodes';
import { REPO_ROOT } from '../../helpers/paths';

type Tree = { [key: string]: string | Tree };

const raisedCodes = Object.keys(ERROR_CODES).sort();

function localeKeys(language: string): Set<string> {
  const keys = new Set<string>();
  const walk = (tree: Tree, prefix: string) =>
    Object.entries(tree).forEach(([k, v]) => (typeof v === 'string' ? keys.add(prefix + k) : walk(v, `${prefix}${k}.`)));
  const roots = [
    'renderer/src/app',
    ...readdirSync(path.join(REPO_ROOT, 'renderer/src/features')).map((f) => `renderer/src/features/${f}`),
  ];
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
  it('are read from the map (the map is the list)', () => {
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

// The texts above must also be what i18next finds: a nested group (`errors.order: {…}`) once hid every flat
// `errors.order.*` key beside it, and the UI showed 操作失败 with the English message.
describe('error texts as the UI finds them', () => {
  it('resolve for every code in both languages', async () => {
    const { default: i18n, errorText } = await import('../../../renderer/src/i18n');
    const unresolved: string[] = [];
    for (const language of ['zh-CN', 'en-US']) {
      await i18n.changeLanguage(language);
      for (const code of raisedCodes)
        if (errorText({ code, message: 'UNRESOLVED' }).includes('UNRESOLVED')) unresolved.push(`${language} ${code}`);
    }
    await i18n.changeLanguage('zh-CN');
    expect(unresolved).toEqual([]);
  });
});
