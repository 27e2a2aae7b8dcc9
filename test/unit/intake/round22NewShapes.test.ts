/**
 * Shapes of material the held-out round 22 showed the importer misread (issue 9): a price list an old stock program
 * "printed to file" (pages apart by form feeds, the page header repeated, rules, page numbers, a 0.00 price whose
 * remark says 电议); a typed PDF with a scanned page inserted as a picture; 行 in a short name; a mail with a table
 * pasted from Excel (a 门幅 column), a demand and a job told after a lead-in, a signature in a one-cell table. The
 * text is made up for the tests.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { htmlToBlocks } from '../../../electron/backend/domains/intake/htmlToBlocks';
import { readPdf } from '../../../electron/backend/domains/intake/pdf';
import { withoutPrintFrames } from '../../../electron/backend/domains/intake/printedPages';
import { readTable } from '../../../electron/backend/domains/intake/tables';
import { shortNameOf } from '../../../electron/backend/domains/sites/defaults';
import { runsText, type Item } from '../../../shared/sites/model';
import { itemTitles, structuredText } from '../../helpers/structuredText';

const PRINTOUT = [
  '                  德丰五金经销部',
  '                  商 品 价 格 表',
  '',
  '打印日期：2026-11-30                        第 1 页  共 2 页',
  '============================================================',
  '序号  品名          规格型号      单位    单价(元)  备注',
  '------------------------------------------------------------',
  '0001  六角螺栓      M8×30         盒        18.00',
  '0002  六角螺栓      M10×40        盒        26.50',
  '0003  膨胀螺丝      M12           百个      45.00',
  '------------------------------------------------------------',
  '                                              (续下页)',
  '\f                  德丰五金经销部',
  '                  商 品 价 格 表',
  '',
  '打印日期：2026-11-30                        第 2 页  共 2 页',
  '============================================================',
  '序号  品名          规格型号      单位    单价(元)  备注',
  '------------------------------------------------------------',
  '0004  不锈钢合页    4寸           副         8.00  304材质',
  '0005  进口角磨机    GWS 6-100     台         0.00  电议',
  '------------------------------------------------------------',
  '共 5 条记录',
  '',
  '地址：城东建材市场5号  电话：0531-8888666',
  '',
  '制表：刘红                                进销存 V2.0',
].join('\n');

describe('a price list printed to a file by a stock program', () => {
  it('drops the repeated page header, rules, page numbers, the record count and who made it', () => {
    const lines = withoutPrintFrames(PRINTOUT.split('\n')).filter((l) => l.trim());
    expect(lines.filter((l) => l.includes('序号'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('德丰五金经销部'))).toHaveLength(1);
    expect(lines.some((l) => /第 \d 页|=====|-----|续下页|共 5 条|制表/.test(l))).toBe(false);
    expect(lines.filter((l) => /^000\d/.test(l))).toHaveLength(5);
  });

  it('leaves text without form feeds or page numbers alone', () => {
    const text = ['春季价目', '-----', '白菜  1元/斤', '萝卜  1.5元/斤'];
    expect(withoutPrintFrames(text)).toEqual(text);
  });

  it('reads the rows of all pages as one table, a zero price with 电议 as 电议', () => {
    const material = structuredText(PRINTOUT, 'BJD1130.TXT');
    const products = material.columns.find((c) => c.type === 'products');
    expect(products?.title).toBe('商品价格表');
    expect(itemTitles(products)).toEqual(['六角螺栓 M8×30', '六角螺栓 M10×40', '膨胀螺丝 M12', '不锈钢合页 4寸', '进口角磨机 GWS 6-100']);
    const last = products!.items.at(-1) as Extract<Item, { kind: 'product' }>;
    expect(last.price).toEqual({ kind: 'negotiable', text: '电议' });
    const first = products!.items[0] as Extract<Item, { kind: 'product' }>;
    expect(first.price).toEqual({ kind: 'amount', fen: 1800, unit: '盒' });
  });
});

/** A PDF of letter pages, each with Helvetica lines and maybe one JPEG drawn at [x, y, width, height]. */
function mixedPdf(pages: { lines: string[]; picture?: { jpeg: Buffer; at: [number, number, number, number] } }[]): Buffer {
  const objects: (string | Buffer)[][] = [
    ['<< /Type /Catalog /Pages 2 0 R >>'],
    [],
    ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'],
  ];
  const kids: number[] = [];
  for (const page of pages) {
    const text = page.lines.map((line, i) => `BT /F1 12 Tf 50 ${750 - i * 16} Td (${line}) Tj ET`).join('\n');
    const draw = page.picture
      ? `q ${page.picture.at[2]} 0 0 ${page.picture.at[3]} ${page.picture.at[0]} ${page.picture.at[1]} cm /Im0 Do Q`
      : '';
    const stream = `${text}\n${draw}`;
    const id = objects.length + 1;
    kids.push(id);
    const image = page.picture ? ` /XObject << /Im0 ${id + 2} 0 R >>` : '';
    objects.push([
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >>${image} >> /Contents ${id + 1} 0 R >>`,
    ]);
    objects.push([`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`]);
    if (page.picture) {
      const { jpeg } = page.picture;
      objects.push([
        `<< /Type /XObject /Subtype /Image /Width 400 /Height 500 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`,
        jpeg,
        '\nendstream',
      ]);
    }
  }
  objects[1] = [`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`];
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  let offset = chunks[0]!.length;
  const offsets = objects.map((parts, i) => {
    const bytes = Buffer.concat(
      [`${i + 1} 0 obj\n`, ...parts, '\nendobj\n'].map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p)),
    );
    chunks.push(bytes);
    const at = offset;
    offset += bytes.length;
    return at;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(chunks);
}

describe('a typed PDF with a scanned page inserted as a picture', () => {
  const picture = () =>
    sharp({ create: { width: 400, height: 500, channels: 3, background: '#eeeeee' } })
      .jpeg()
      .toBuffer();

  it('hands a large picture alone on a page to be read as a page, and still shows it', async () => {
    const jpeg = await picture();
    const pdf = mixedPdf([{ lines: ['About us', 'We sell dried herbs.'] }, { lines: [], picture: { jpeg, at: [90, 160, 432, 540] } }]);
    const scanned: Buffer[] = [];
    const stored: Buffer[] = [];
    const { blocks } = await readPdf(
      pdf,
      async (bytes) => {
        stored.push(bytes);
        return 'sha';
      },
      (bytes) => scanned.push(bytes),
    );
    expect(scanned).toHaveLength(1);
    expect(stored).toHaveLength(1);
    expect(blocks.some((b) => b.type === 'image')).toBe(true);
  });

  it('reads no page in a picture beside text, nor in a small picture alone', async () => {
    const jpeg = await picture();
    const pdf = mixedPdf([
      { lines: ['Our shop', 'Open daily.'], picture: { jpeg, at: [90, 100, 432, 540] } },
      { lines: [], picture: { jpeg, at: [200, 400, 160, 200] } },
    ]);
    const scanned: Buffer[] = [];
    await readPdf(
      pdf,
      async () => 'sha',
      (bytes) => scanned.push(bytes),
    );
    expect(scanned).toHaveLength(0);
  });
});

describe('行 in a short name', () => {
  const region = { province: '河南省', city: '郑州市', district: '金水区' };

  it('goes after a name and its trade, stays after a short name and where it is the business', () => {
    expect(shortNameOf('郑州市金水区百草药材行', region)).toBe('百草药材');
    expect(shortNameOf('郑州市金水区捷达摩托车行', region)).toBe('捷达摩托车');
    expect(shortNameOf('郑州市金水区悦音琴行', region)).toBe('悦音琴行');
    expect(shortNameOf('郑州市金水区顺风二手车行', region)).toBe('顺风二手车行');
  });
});

describe('a mail with a price table pasted from Excel and a signature box', () => {
  it('reads a width column (门幅) and measures without header as sizes, not models', () => {
    const reading = readTable([
      ['品名', '门幅', '价格（元/米）'],
      ['牛津布', '150cm', '8.5'],
      ['帆布', '160cm', '12'],
    ]);
    expect(reading.columns.map((c) => c.role)).toEqual(['name', 'spec', 'price']);
    const bare = readTable([
      ['牛津布', '150cm', '8.5元/米'],
      ['帆布', '160cm', '12元/米'],
    ]);
    expect(bare.columns.map((c) => c.role)).not.toContain('model');
  });

  it('reads a one-cell table (a signature box) as its paragraphs', () => {
    const blocks = htmlToBlocks(
      '<table><tr><td><p><b>周敏</b> | 业务部</p><p>地址：城南路8号</p><p>电话：0571-88886666</p></td></tr></table>',
    );
    expect(blocks.map((b) => (b.type === 'paragraph' ? runsText(b.runs) : b.type))).toEqual([
      '周敏 | 业务部',
      '地址：城南路8号',
      '电话：0571-88886666',
    ]);
  });

  it('sorts a standing demand and a job told after a lead-in out of a price list', () => {
    const material = structuredText(
      [
        '价格表',
        '帆布  12元/米',
        '牛津布  8.5元/米',
        '另外我们常年回收服装厂边角料、碎布，可上门收。',
        '车间那边要招裁剪工3名，包住，月薪5000。',
      ].join('\n'),
      '报价.txt',
    );
    const supply = material.columns.find((c) => c.type === 'supply');
    const jobs = material.columns.find((c) => c.type === 'jobs');
    expect(itemTitles(supply)).toEqual(['常年回收服装厂边角料、碎布']);
    expect(itemTitles(jobs)).toEqual(['裁剪工']);
  });
});
