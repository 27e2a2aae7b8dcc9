/** The external validators the compiler's output is checked with: xmllint (DTDs), xml2wbxml (WBXML size), html-validate. */
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { HtmlValidate } from 'html-validate';
import type { OutputFile } from '../../../shared/sites/job';
import { SHARED_DIR } from '../../helpers/paths';

const run = promisify(execFile);

/** A page fetched from somewhere, as a file the validators below take. */
export const asFile = (path: string, content: string): OutputFile => ({ path, channel: 'web', mime: '', content });

/** Writes files under a fresh temporary folder; returns the folder and a cleanup. */
export function writeTemp(files: OutputFile[]): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecw-sites-'));
  for (const f of files) {
    const target = path.join(dir, f.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, f.content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The flat XHTML-MP DTD redeclares predefined entities; xmllint says so on every file, harmlessly (STANDARDS §1.7). */
const HARMLESS = /xmlAddEntity: invalid redeclaration of predefined entity/;

/** `xmllint --noout --nonet --valid` with the shared catalog: the problems per file (empty when all are valid). */
export function xmllintProblems(dir: string, relativePaths: string[]): string[] {
  const problems: string[] = [];
  for (let i = 0; i < relativePaths.length; i += 200) {
    const batch = relativePaths.slice(i, i + 200);
    const result = spawnSync('xmllint', ['--noout', '--nonet', '--valid', ...batch], {
      cwd: dir,
      env: { ...process.env, XML_CATALOG_FILES: path.join(SHARED_DIR, 'dtd', 'catalog.xml') },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const lines = result.stderr.split('\n').filter((l) => l.trim() && !HARMLESS.test(l));
    if (result.status !== 0 || lines.length) problems.push(`rc=${result.status}`, ...lines);
  }
  return problems;
}

/** The size of each WML deck as `xml2wbxml -n` compiles it (a few processes at a time). */
export async function xml2wbxmlSizes(dir: string, relativePaths: string[]): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  const queue = [...relativePaths];
  const worker = async () => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      const out = path.join(dir, `${file}.wmlc`);
      await run('xml2wbxml', ['-n', '-o', out, path.join(dir, file)]);
      sizes.set(file, readFileSync(out).length);
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return sizes;
}

/** The compiled bytes `xml2wbxml -n` writes for one deck. */
export async function xml2wbxmlBytes(dir: string, file: string): Promise<Uint8Array> {
  const out = path.join(dir, `${file}.wmlc`);
  await run('xml2wbxml', ['-n', '-o', out, path.join(dir, file)]);
  return readFileSync(out);
}

const htmlValidate = new HtmlValidate({ extends: ['html-validate:recommended'] });

/** html-validate's recommended rules on each page: "path line:col rule message" per problem. */
export function htmlProblems(files: OutputFile[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const report = htmlValidate.validateStringSync(String(file.content), file.path);
    for (const result of report.results)
      for (const m of result.messages) problems.push(`${file.path} ${m.line}:${m.column} ${m.ruleId} ${m.message}`);
  }
  return problems;
}

export const text = (file: OutputFile): string =>
  typeof file.content === 'string' ? file.content : new TextDecoder().decode(file.content);
