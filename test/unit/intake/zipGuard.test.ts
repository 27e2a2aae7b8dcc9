/**
 * Issue 8 item 9: a .docx whose document.xml expands to 300 MB was imported at 2.6 GB RSS. Office
 * files are refused before any reader parses them when they unpack too far — by what the zip
 * declares and, since a crafted zip can declare less, by what really comes out of it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, Zip, ZipDeflate } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertDocx, DocxProblem } from '../../../electron/backend/domains/intake/docx';
import { readXlsx } from '../../../electron/backend/domains/intake/spreadsheet';
import { checkZip, MAX_ENTRIES, ZipProblem } from '../../../electron/backend/domains/intake/zipGuard';
import { buildDocx } from '../../fixtures/materials/make/docx';
import { CORPUS_DIR } from '../../helpers/corpus';

const MB = 1024 * 1024;

/** Rewrites the size the central directory declares for `name` (what a crafted zip does). */
function declare(zip: Uint8Array, name: string, size: number): Uint8Array {
  const buffer = Buffer.from(zip);
  for (let at = buffer.indexOf('PK\x01\x02'); at >= 0; at = buffer.indexOf('PK\x01\x02', at + 4)) {
    const nameLength = buffer.readUInt16LE(at + 28);
    if (buffer.toString('utf8', at + 46, at + 46 + nameLength) === name) buffer.writeUInt32LE(size, at + 24);
  }
  return buffer;
}

/** A zip written as a stream: each entry's data is pushed chunk by chunk, never held whole. */
function zipOf(files: Record<string, Uint8Array[]>): Uint8Array {
  const out: Uint8Array[] = [];
  const zip = new Zip((error, data) => {
    if (error) throw error;
    out.push(data);
  });
  for (const [name, chunks] of Object.entries(files)) {
    const entry = new ZipDeflate(name, { level: 9 });
    zip.add(entry);
    chunks.forEach((chunk, i) => entry.push(chunk, i === chunks.length - 1));
  }
  zip.end();
  return Buffer.concat(out);
}

/** A real .docx whose document.xml is padded with paragraphs to `megabytes` MB; the file itself stays under 2 MB. */
function bloatedDocx(megabytes: number): Uint8Array {
  const parts = unzipSync(buildDocx([{ p: '产品中心', style: 'heading 1' }, { p: '数控车床 16.8万元' }]));
  const [head, tail] = new TextDecoder().decode(parts['word/document.xml']).split('</w:body>');
  const paragraphs = strToU8('<w:p><w:r><w:t>这是一段很长的文字，用来把文档撑大。</w:t></w:r></w:p>'.repeat(10_000));
  const padding = Array.from({ length: Math.ceil((megabytes * MB) / paragraphs.length) }, () => paragraphs);
  const files = Object.fromEntries(Object.entries(parts).map(([name, data]) => [name, [data]]));
  files['word/document.xml'] = [strToU8(head!), ...padding, strToU8(`</w:body>${tail}`)];
  return zipOf(files);
}

const refusal = (run: () => Promise<unknown>) =>
  run().then(
    () => undefined,
    (error: unknown) => error,
  );

describe('the zip guard in front of the Office readers', () => {
  // One bomb for both tests (building it is most of their time): 20 times the 10 MB markup limit, and twice the memory
  // bound below, so unpacking it whole could not pass.
  let bomb: Uint8Array;
  beforeAll(() => void (bomb = bloatedDocx(200)), 60_000);

  it('refuses a .docx whose text unpacks to 200 MB before mammoth parses it (it once ran out of memory after a minute)', async () => {
    const docx = bomb;
    expect(docx.length).toBeLessThan(2 * MB);
    const started = performance.now();
    const error = await refusal(() => convertDocx(docx, async () => undefined));
    expect(error).toBeInstanceOf(DocxProblem);
    expect(error).toMatchObject({ code: 'docx.too_large', message: expect.stringContaining('10 MB') });
    expect(performance.now() - started).toBeLessThan(10_000);
  }, 60_000);

  it('counts what really comes out: a zip that declares 1 KB and unpacks to 200 MB is refused with memory bounded', async () => {
    const docx = declare(bomb, 'word/document.xml', 1024);
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const error = await refusal(() => convertDocx(docx, async () => undefined));
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(error).toMatchObject({ code: 'docx.too_large' });
    // Unpacking it whole (what the reader did) takes 200 MB and more; counting takes a chunk at a time.
    expect(peak - before).toBeLessThan(100 * MB);
  }, 60_000);

  it('refuses an archive of more parts than any document has, and one that is not a zip', () => {
    const many = Object.fromEntries(Array.from({ length: MAX_ENTRIES + 1 }, (_, i) => [`word/media/p${i}.xml`, [strToU8('<a/>')]]));
    expect(() => checkZip(zipOf(many))).toThrow(expect.objectContaining({ code: 'office.too_large' }));
    const zip = buildDocx([{ p: 'x' }]);
    expect(() => checkZip(zip.subarray(0, zip.length - 40))).toThrow(ZipProblem);
    expect(() => checkZip(strToU8('PK\x03\x04 not really a zip'))).toThrow(expect.objectContaining({ code: 'office.unreadable' }));
  });

  it('lets the customers’ real Word files and workbooks through', async () => {
    const docx = readFileSync(path.join(CORPUS_DIR, 'luzhong-machinery', '公司资料.docx'));
    expect(() => checkZip(docx)).not.toThrow();
    const sheets = await readXlsx(readFileSync(path.join(CORPUS_DIR, 'jinding-building-materials', '2026年产品价格表.xlsx')));
    expect(sheets.length).toBeGreaterThanOrEqual(2);
  });
});
