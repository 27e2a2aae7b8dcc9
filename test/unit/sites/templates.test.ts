/** Templates are data: at least 8 industries × 3 colour styles, suggested from the GB/T 4754 industry, each compiling valid pages. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, type CompileResult } from '../../../shared/sites/compile';
import { INDUSTRY_SECTIONS } from '../../../shared/domain/industry';
import { exampleSite } from '../../../shared/sites/example';
import { COLUMN_TYPES } from '../../../shared/sites/model';
import { effectiveLayout, suggestTemplate, TEMPLATES, templateOrDefault } from '../../../shared/sites/templates/catalog';
import { describeWith } from '../../helpers/systemTools';
import { exampleBuild } from './generate';
import { htmlProblems, writeTemp, xmllintProblems } from './oracles';

describe('templates', () => {
  it('ships at least 8 industry templates with 3 colour styles each, unique ids and real column types', () => {
    expect(TEMPLATES.length).toBeGreaterThanOrEqual(8);
    expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(TEMPLATES.length);
    for (const t of TEMPLATES) {
      expect(t.styles).toHaveLength(3);
      expect(new Set(t.styles.map((s) => s.id)).size).toBe(3);
      for (const s of t.styles) for (const colour of Object.values(s.palette)) expect(colour).toMatch(/^#[0-9a-f]{6}$/i);
      expect(t.defaultColumns.length).toBeGreaterThanOrEqual(5);
      for (const c of t.defaultColumns) expect(COLUMN_TYPES).toContain(c.type);
      expect(t.defaultColumns.map((c) => c.type)).toContain('contact');
    }
  });

  it('suggests a template for every GB/T 4754 section, by division first', () => {
    expect(suggestTemplate('H', '62').id).toBe('restaurant');
    expect(suggestTemplate('F', '52').id).toBe('retail-tea');
    expect(suggestTemplate('C', '15').id).toBe('retail-tea');
    expect(suggestTemplate('C', '34').id).toBe('manufacturing');
    expect(suggestTemplate('P').id).toBe('education');
    expect(suggestTemplate('Q', '84').id).toBe('medical');
    expect(suggestTemplate('E', '50').id).toBe('construction');
    expect(suggestTemplate('G', '54').id).toBe('logistics');
    expect(suggestTemplate('A', '01').id).toBe('agriculture');
    for (const section of INDUSTRY_SECTIONS) expect(TEMPLATES).toContain(suggestTemplate(section.code));
    expect(templateOrDefault('no-such-template').id).toBe('general');
  });

  it('applies the site’s layout options over the template’s', () => {
    const template = templateOrDefault('retail-tea');
    const layout = effectiveLayout(template, {
      templateId: 'retail-tea',
      styleId: 'green',
      options: { web: { productLayout: 'list' }, wap1: { itemsPerPage: 4 } },
    });
    expect(layout.web).toEqual({ ...template.layout.web, productLayout: 'list' });
    expect(layout.wap1.itemsPerPage).toBe(4);
  });
});

describeWith(['xmllint', '../shared'], 'templates: every template and style compiles valid pages', () => {
  let results: { name: string; result: CompileResult }[];
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => {
    const { assets } = exampleBuild();
    results = TEMPLATES.flatMap((template) =>
      template.styles.map((style) => {
        const site = exampleSite();
        site.template = { templateId: template.id, styleId: style.id, options: {} };
        return { name: `${template.id}/${style.id}`, result: compile(site, template, assets) };
      }),
    );
    ({ dir, cleanup } = writeTemp(results.flatMap(({ name, result }) => result.files.map((f) => ({ ...f, path: `${name}/${f.path}` })))));
  });
  afterAll(() => cleanup?.());

  it('gives each style its own colours', () => {
    const css = results.map(({ result }) => String(result.files.find((f) => f.path === 'web/style.css')!.content));
    expect(new Set(css).size).toBe(results.length);
  });

  it('passes xmllint on every WAP page and html-validate on every WEB home and list page', () => {
    const wap = results.flatMap(({ name, result }) =>
      result.files.filter((f) => /\.(wml|xhtml)$/.test(f.path)).map((f) => `${name}/${f.path}`),
    );
    expect(xmllintProblems(dir, wap)).toEqual([]);
    expect(htmlProblems(results.flatMap(({ result }) => result.files.filter((f) => /^web\/(index|c\/[^/]+)\.html$/.test(f.path))))).toEqual(
      [],
    );
  }, 300_000);
});
