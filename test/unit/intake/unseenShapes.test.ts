/**
 * Shapes of customer material the held-out round 7 showed the importer did not read (issue 9): a
 * phone memo numbered with 1️⃣ / ① / A., a contact line without colons, Word's own numbering as
 * section titles, a brochure's grid of product cards and its text boxes, a PowerPoint introduction,
 * an e-mail saved as .eml.
 */
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { entryName, readArchive } from '../../../electron/backend/domains/intake/archive';
import { parseContact } from '../../../electron/backend/domains/intake/contact';
import { convertDocx } from '../../../electron/backend/domains/intake/docx';
import { mailText, readEmail } from '../../../electron/backend/domains/intake/email';
import { folderHint } from '../../../electron/backend/domains/intake/photos';
import { PresentationProblem, readPresentation } from '../../../electron/backend/domains/intake/presentation';
import { structureDocument, textToBlocks } from '../../../electron/backend/domains/intake/structure';
import { itemTitle, type Column, type Product } from '../../../shared/sites/model';
import { contactSummary } from '../../../shared/sites/summary';
import { buildDocx } from '../../fixtures/materials/make/docx';
import { buildPptx, eml } from '../../fixtures/materials/make/office';

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const TODAY = '2026-12-01';
const titles = (columns: Column[], type: string) => columns.find((c) => c.type === type)?.items.map(itemTitle) ?? [];
const picture = async () => new Uint8Array(Buffer.from('ffd8ffe000104a46494600', 'hex'));

describe('a phone memo numbered 1️⃣ / ① / (1) / A. without empty lines', () => {
  it('takes the keycap lines for columns and the items without their markers', () => {
    const lines = [
      '1️⃣店铺介绍',
      '本店开业8年，专注剪发、烫染和头皮护理。',
      '2️⃣价目表',
      '①洗剪吹 38元',
      '②烫发 168元起',
      '3️⃣招人',
      '(1)发型师2名，底薪3000+提成',
      '(2)美发助理3名，月薪2800元',
      '4️⃣最近活动',
      'A.12月1日起充值500送100',
      'B.2026年11月20日 店面装修完成重新开业',
    ];
    const { columns } = structureDocument(textToBlocks(lines), 'memo.txt', env, { today: TODAY });
    expect(columns.map((c) => c.type)).toEqual(['intro', 'products', 'jobs', 'news']);
    expect(titles(columns, 'products')).toEqual(['洗剪吹', '烫发']);
    expect(titles(columns, 'jobs')).toEqual(['发型师', '美发助理']);
    expect(titles(columns, 'news')).toEqual(['12月1日起充值500送100', '店面装修完成重新开业']);
  });

  it('reads a contact line whose labels have no colon, and the person named after the mobile', () => {
    const contact = parseContact(['电话0538-6221234 手机13805381234 王店长', '店主：张姐']);
    expect(contactSummary(contact!)).toMatchObject({ phones: ['0538-6221234'], mobile: '13805381234', person: '王店长' });
  });
});

describe("Word's own numbering", () => {
  it('makes section titles numbered by Word (一、 not in the text) the columns, and a numbered run of entries their items', async () => {
    const docx = buildDocx([
      { p: '会员卡价格', list: 'chinese' },
      { p: '月卡：298元', list: 'decimal' },
      { p: '年卡：2680元', list: 'decimal' },
      { p: '招聘信息', list: 'chinese' },
      { p: '岗位：私人教练' },
      { p: '人数：3名' },
      { p: '待遇：底薪4000元+课时提成' },
      { p: '联系方式', list: 'chinese' },
      { p: '电话：0536-8881234' },
    ]);
    const { blocks } = await convertDocx(docx, async () => 'f'.repeat(64));
    const { columns, contactLines } = structureDocument(blocks, 'a.docx', env, { today: TODAY });
    expect(columns.map((c) => c.type)).toEqual(['products', 'jobs', 'contact']);
    expect(titles(columns, 'products')).toEqual(['月卡', '年卡']);
    expect(columns[1]!.items).toMatchObject([{ kind: 'job', title: '私人教练', headcount: 3, pay: '底薪4000元+课时提成' }]);
    expect(contactLines).toContain('电话：0536-8881234');
  });

  it('leaves a numbered list of entries without text between them a list', async () => {
    const docx = buildDocx([
      { p: '产品介绍', bold: true },
      { p: '龙井', list: 'decimal' },
      { p: '碧螺春', list: 'decimal' },
    ]);
    const { blocks } = await convertDocx(docx, async () => 'f'.repeat(64));
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'list']);
  });
});

describe('a brochure .docx', () => {
  it('reads its text boxes and makes each card of a product grid an item with its picture', async () => {
    const card = async (lines: string[]) => ({ picture: await picture(), lines });
    const docx = buildDocx([
      { textBox: [{ p: '公司简介', bold: true }, { p: '联华包装成立于2009年，年产纸箱1200万只。' }] },
      { p: '产品展示', bold: true },
      {
        cards: [
          [await card(['五层瓦楞纸箱', '规格：60×40×40cm', '¥3.80/个']), await card(['彩印包装盒', '规格：按需定制', '面议'])],
          [await card(['蜂窝纸板', '规格：1200×1000mm', '¥18.00/张'])],
        ],
      },
      { textBox: [{ p: '联系我们', bold: true }, { p: '电话：0539-8121234' }] },
    ]);
    let n = 0;
    const { blocks } = await convertDocx(docx, async () => String(++n).padStart(64, '0'));
    const { columns, contactLines } = structureDocument(blocks, 'a.docx', env, { today: TODAY });
    expect(columns.map((c) => c.type)).toEqual(['intro', 'products', 'contact']);
    const products = columns[1]!.items as Product[];
    expect(products.map((p) => [p.name, p.price, p.spec])).toEqual([
      ['五层瓦楞纸箱', { kind: 'amount', fen: 380, unit: '个' }, '60×40×40cm'],
      ['彩印包装盒', { kind: 'negotiable' }, '按需定制'],
      ['蜂窝纸板', { kind: 'amount', fen: 1800, unit: '张' }, '1200×1000mm'],
    ]);
    expect(products.map((p) => p.images.length)).toEqual([1, 1, 1]);
    expect(contactLines).toContain('电话：0539-8121234');
  });
});

describe('Word text boxes written without the VML fallback', () => {
  const paragraphs = async (docx: Uint8Array) =>
    (await convertDocx(docx, async () => undefined)).blocks.map((b) =>
      b.type === 'paragraph' || b.type === 'heading' ? b.runs.map((r) => r.text).join('') : b.type,
    );

  it('reads a DrawingML-only text box (mc:Choice without Fallback, or a bare drawing) in document order, and every text box once', async () => {
    const box = (text: string, drawingOnly?: 'choice' | 'bare') => ({ textBox: [{ p: text }], ...(drawingOnly ? { drawingOnly } : {}) });
    const docx = buildDocx([
      { p: '第一段正文。' },
      box('文本框一：只有 DrawingML。', 'choice'),
      { p: '第二段正文。' },
      box('文本框二：不在 AlternateContent 里。', 'bare'),
      box('文本框三：有 VML 备份。'),
      { p: '第三段正文。' },
    ]);
    expect(await paragraphs(docx)).toEqual([
      '第一段正文。',
      '文本框一：只有 DrawingML。',
      '第二段正文。',
      '文本框二：不在 AlternateContent 里。',
      '文本框三：有 VML 备份。',
      '第三段正文。',
    ]);
  });
});

describe('a PowerPoint introduction (.pptx)', () => {
  it('reads the slides in order: each title a heading, the text under it paragraphs', async () => {
    const pptx = buildPptx([
      { title: '济宁中邦保安服务有限公司', subtitle: '专业 · 诚信 · 安全' },
      { title: '服务项目', body: ['驻场保安：3800元/人·月', '大型活动安保：面议'] },
      { title: '诚聘英才', body: ['保安员 50名，月薪3800-4500元'] },
    ]);
    const blocks = await readPresentation(pptx, async () => undefined);
    const { columns } = structureDocument(blocks, 'a.pptx', env, { today: TODAY, names: ['济宁中邦保安服务有限公司', '中邦保安'] });
    expect(columns.map((c) => c.type)).toEqual(['products', 'jobs']);
    expect(titles(columns, 'products')).toEqual(['驻场保安', '大型活动安保']);
    expect(columns[1]!.items).toMatchObject([{ title: '保安员', headcount: 50 }]);
  });

  it('refuses a damaged old binary .ppt and a file that is no presentation, by code', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    const none = async () => undefined;
    await expect(readPresentation(ole, none)).rejects.toMatchObject({ code: 'pptx.unreadable' });
    await expect(readPresentation(Buffer.from('PK'), none)).rejects.toBeInstanceOf(PresentationProblem);
  });

  it('places each slide’s pictures with the item its title names, and leaves out the logo on every slide', async () => {
    const logo = await picture();
    const photo = (n: number) => new Uint8Array([...logo, n]);
    const pptx = buildPptx([
      { title: '济宁中邦保安服务有限公司', subtitle: '专业 · 诚信 · 安全', pictures: [{ name: 'logo.png', bytes: logo, y: 100 }] },
      { title: '服务项目', body: ['我们为企事业单位提供以下安保服务'], pictures: [{ name: 'logo.png', bytes: logo, y: 100 }] },
      {
        title: '驻场保安',
        body: ['7×24小时驻场，3800元/人·月'],
        pictures: [
          { name: 'logo.png', bytes: logo, y: 100 },
          { name: 'image2.jpeg', bytes: photo(2), y: 3_000_000 },
        ],
      },
      {
        title: '门卫值守',
        body: ['小区、厂区门岗24小时值守，面议'],
        pictures: [
          { name: 'logo.png', bytes: logo, y: 100 },
          { name: 'image3.jpeg', bytes: photo(3), y: 3_000_000 },
        ],
      },
    ]);
    const stored: string[] = [];
    const blocks = await readPresentation(pptx, async (_bytes, name) => {
      stored.push(name);
      return String(stored.length).padStart(64, '0');
    });
    expect(stored).toEqual(['ppt/media/image2.jpeg', 'ppt/media/image3.jpeg']);
    expect(blocks.map((b) => (b.type === 'image' ? `image ${Number(b.image.sha256)}` : b.type))).toEqual([
      'heading',
      'paragraph',
      'heading',
      'paragraph',
      'heading',
      'paragraph',
      'image 1',
      'heading',
      'paragraph',
      'image 2',
    ]);
    const { columns } = structureDocument(blocks, 'a.pptx', env, { today: TODAY, names: ['济宁中邦保安服务有限公司'] });
    expect(columns).toHaveLength(1);
    expect(columns[0]!.items.map((item) => [itemTitle(item), ('images' in item ? item.images : []).map((i) => Number(i.sha256))])).toEqual([
      ['驻场保安', [1]],
      ['门卫值守', [2]],
    ]);
  });
});

describe('an e-mail saved as .eml', () => {
  it('gives the GBK text without the greeting and the forward header block, and the attachments with their encoded names', () => {
    const mail = eml({
      from: 'a@b.example',
      to: 'c@d.example',
      date: 'Sat, 28 Nov 2026 09:12:40 +0800',
      subject: '转发：公司介绍',
      text: [
        '李经理您好：',
        '',
        '-------- 转发邮件信息 --------',
        '发件人："孙总" <sun@x.example>',
        '主题：公司介绍',
        '',
        '招聘',
        '冷库管理员 2名，月薪5000元。',
      ].join('\n'),
      attachments: [{ name: '冷库.jpg', bytes: Buffer.from('jpeg bytes') }],
      charset: 'UTF-8',
    });
    const content = readEmail(mail);
    // The greeting to the manager is no heading of the material either.
    expect(content.text!.split(/\r?\n/)).toEqual(['', '招聘', '冷库管理员 2名，月薪5000元。']);
    expect(content.attachments.map((a) => [a.name, Buffer.from(a.bytes).toString()])).toEqual([['冷库.jpg', 'jpeg bytes']]);
    expect(content.html).toContain('冷库管理员');
  });

  it('drops a signature after "-- " and refuses a file without mail headers', () => {
    expect(mailText('正文\n-- \n张三 | 某公司')).toBe('正文');
    expect(() => readEmail(Buffer.from('just text'))).toThrow(expect.objectContaining({ code: 'email.unreadable' }));
  });
});

describe('photos in folders named by column', () => {
  it('takes a folder named like a products column (课程/, 菜品/) for products, 环境/ and 厂区/ for places, the innermost first', () => {
    expect(folderHint('课程/私教课.jpg')).toBe('products');
    expect(folderHint('环境/前台.jpg')).toBe('places');
    expect(folderHint('产品/厂区/大门.jpg')).toBe('places');
    expect(folderHint('证书/卫生许可证.jpg')).toBeUndefined();
  });
});

describe('a run of short lines no rule claimed', () => {
  const heading = (text: string) => ({ type: 'heading' as const, level: 1, runs: [{ text }], look: true });
  const paragraph = (text: string) => ({ type: 'paragraph' as const, runs: [{ text }] });

  it('makes each line of a products or jobs column without items an item, named as written', () => {
    const { columns, guesses } = structureDocument(
      [
        heading('团体课程'),
        paragraph('瑜伽'),
        paragraph('• 动感单车'),
        paragraph('普拉提'),
        heading('招聘'),
        paragraph('会计'),
        paragraph('送货司机'),
      ],
      'a.docx',
      env,
      { today: TODAY },
    );
    expect(titles(columns, 'products')).toEqual(['瑜伽', '动感单车', '普拉提']);
    expect(titles(columns, 'jobs')).toEqual(['会计', '送货司机']);
    expect(guesses.filter((g) => g.message.includes('run of short lines'))).toHaveLength(5);
  });

  it('leaves prose, and a column that has items, as they are', () => {
    const { columns } = structureDocument(
      [heading('产品介绍'), paragraph('本店主营各类茶叶，欢迎品尝。'), paragraph('龙井')],
      'a.docx',
      env,
      { today: TODAY },
    );
    expect(titles(columns, 'products')).toEqual([]);
  });
});

describe('material sent as one .zip', () => {
  it('unpacks its files with their folders, leaves out clutter, and reads names Chinese Windows wrote in GBK', async () => {
    const zip = zipSync({
      '资料/产品/龙井.jpg': strToU8('jpeg'),
      '资料/说明.txt': strToU8('龙井 368元/斤'),
      '__MACOSX/资料/._说明.txt': strToU8('x'),
    });
    expect((await readArchive(zip)).files.map((entry) => entry.name)).toEqual(['资料/产品/龙井.jpg', '资料/说明.txt']);
    // 产品 in GBK (B2 FA C6 B7), as fflate hands a name without the UTF-8 flag: byte for byte as Latin-1.
    expect(entryName('\xB2\xFA\xC6\xB7/a.txt')).toBe('产品/a.txt');
    expect(entryName('产品/a.txt')).toBe('产品/a.txt');
    await expect(readArchive(strToU8('PK not a zip'))).rejects.toMatchObject({ code: 'archive.unreadable' });
  });
});

describe('a web page saved as one file (.mht)', () => {
  it('is read like an e-mail: its HTML part, quoted-printable in its charset', () => {
    const mht = [
      'From: <Saved by Windows Internet Explorer 11>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/related; boundary="----=_NextPart_01"',
      '',
      '------=_NextPart_01',
      'Content-Type: text/html; charset="utf-8"',
      'Content-Transfer-Encoding: quoted-printable',
      'Content-Location: file:///C:/page.htm',
      '',
      '<html><body><p>=E6=8B=9B=E8=81=98</p></body></html>',
      '------=_NextPart_01--',
      '',
    ].join('\r\n');
    const content = readEmail(Buffer.from(mht, 'latin1'));
    expect(content.text).toBeUndefined();
    expect(content.html).toContain('<p>招聘</p>');
    expect(content.attachments).toEqual([]);
  });
});
