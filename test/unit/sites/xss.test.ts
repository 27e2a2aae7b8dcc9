/**
 * Hostile content (test/fixtures/xss) in every field shows as text in every channel: the only
 * elements and attributes in the output are the compiler's own, no URL can run script or load from
 * elsewhere, WML dollars stay literal, and every page stays valid.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, type CompileResult } from '../../../shared/sites/compile';
import { cleanText } from '../../../shared/sites/markup/text';
import type { SmsSite } from '../../../shared/sites/sms/menu';
import { templateFor } from '../../../shared/sites/templates/catalog';
import { hostileSite, PAYLOADS } from '../../fixtures/xss/hostileSite';
import { describeWith } from '../../helpers/systemTools';
import { htmlProblems, text, writeTemp, xmllintProblems } from './oracles';

const OWN_ELEMENTS: Record<string, Set<string>> = {
  web: new Set(
    'html head meta title link body header a img span p nav ul ol li main footer address strong em h1 h2 h3 h4 h5 h6 section figure figcaption table thead tbody tr th td dl dt dd div form input label textarea button'.split(
      ' ',
    ),
  ),
  wap2: new Set(
    'html head title link body div a img br h1 h2 h3 h4 p span ul ol li table tr th td strong em form input label textarea'.split(' '),
  ),
  wap1: new Set('wml card p a b br strong em do prev img input anchor go postfield'.split(' ')),
};

const tags = (markup: string) => [
  ...markup.replace(/^<\?xml[^>]*>\s*<!DOCTYPE[^>]*>|^<!DOCTYPE html>/, '').matchAll(/<([a-zA-Z][\w:-]*)([^>]*)>/g),
];
const attributes = (attrs: string) => [...attrs.matchAll(/\s([^\s=]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!] as const);
const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('hostile content', () => {
  let result: CompileResult;
  beforeAll(() => {
    const { site, assets } = hostileSite();
    result = compile(site, templateFor(site), assets);
  });
  const pages = (channel: string) => result.files.filter((f) => f.channel === channel && /\.(html|xhtml|wml)$/.test(f.path));

  it.each(['web', 'wap2', 'wap1'])('leaves only the compiler’s own elements and attributes in %s pages', (channel) => {
    expect(pages(channel).length).toBeGreaterThan(10);
    for (const page of pages(channel)) {
      for (const [, tag, attrs] of tags(text(page))) {
        expect(OWN_ELEMENTS[channel]!.has(tag!), `${page.path}: <${tag}>`).toBe(true);
        for (const [name, value] of attributes(attrs!)) {
          expect(name, page.path).not.toMatch(/^on/i);
          const url = decode(value).trim().toLowerCase();
          if (['href', 'src', 'srcset', 'action'].includes(name))
            expect(url, `${page.path} ${name}`).not.toMatch(/^(javascript|vbscript|data):/);
          if (name === 'src' || name === 'srcset' || (tag === 'link' && name === 'href'))
            expect(url, `${page.path} ${name}`).not.toContain('evil.example');
        }
      }
    }
  });

  it('shows each payload as escaped text on the WEB', () => {
    const all = pages('web').map(text).join('\n');
    for (const payload of PAYLOADS) expect(all).toContain(escapeHtml(cleanText(payload)));
  });

  it('keeps WML dollars literal: every $ is doubled except the guestbook form’s own variables', () => {
    for (const deck of pages('wap1')) {
      const rest = text(deck)
        .replace(/\$\$/g, '')
        .replace(/value="\$\((msg|tel)\)"/g, '');
      expect(rest, deck.path).not.toContain('$');
    }
    expect(pages('wap1').map(text).join('')).toContain('$$(var) $$$$ $$(HTTP_REFERER) $${x} $$');
  });

  it('keeps the input’s text in the SMS replies, as plain text', () => {
    const sms: SmsSite = JSON.parse(text(result.files.find((f) => f.path === 'sms/menu.json')!));
    const replies = sms.nodes.map((n) => n.reply.text).join('\n');
    // The lottery intro, the survey options and the care message carry payloads 1, 6, 7 and 10 (hostileSite.ts).
    expect(replies).toContain(PAYLOADS[1]);
    expect(sms.survey!.options).toEqual([PAYLOADS[6], PAYLOADS[7]]);
    expect(sms.care[0]!.message.text).toContain(cleanText(PAYLOADS[10]!));
    expect(JSON.stringify(sms)).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });

  it("passes html-validate's recommended rules on every WEB page", () => {
    expect(htmlProblems(pages('web'))).toEqual([]);
  }, 120_000);
});

describeWith(['xmllint', '../shared'], 'hostile content: WAP validity', () => {
  let dir: string;
  let cleanup: () => void;
  let result: CompileResult;
  beforeAll(() => {
    const { site, assets } = hostileSite();
    result = compile(site, templateFor(site), assets);
    ({ dir, cleanup } = writeTemp(result.files));
  });
  afterAll(() => cleanup?.());

  it('keeps every WML deck and XHTML-MP page valid', () => {
    const paths = result.files.filter((f) => /\.(wml|xhtml)$/.test(f.path)).map((f) => f.path);
    expect(xmllintProblems(dir, paths)).toEqual([]);
  });
});
