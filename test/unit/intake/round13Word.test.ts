/**
 * Shapes of customer material the held-out round 13 showed the importer did not read (issue 9): Word
 * documents as people leave them — packages priced before what they include, headcounts after a colon,
 * a remark after a line's price, an event named before its dates, a document title over numbered
 * section headings, one position after the reason for hiring, the contact only in the page header and
 * footer, a label spaced out (`地　址：`), a table of contents. The text is made up for the tests.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { contactPairs, parseContact } from '../../../electron/backend/domains/intake/contact';
import { convertDocx } from '../../../electron/backend/domains/intake/docx';
import type { SourceBlock } from '../../../electron/backend/domains/intake/htmlToBlocks';
import { openDocumentPageLines } from '../../../electron/backend/domains/intake/openDocument';
import { readDocument } from '../../../electron/backend/domains/intake/readFile';
import { isPlaceName, matchPhoto } from '../../../electron/backend/domains/intake/photos';
import { jobLine, noticeLine, productLine } from '../../../electron/backend/domains/intake/lineItems';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import { itemTitle, runsText, type Column, type Job } from '../../../shared/sites/model';
import { buildDocx } from '../../fixtures/materials/make/docx';
import { FIXTURES_DIR } from '../../helpers/paths';

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const TODAY = '2026-12-01';
const column = (columns: Column[], type: string) => columns.find((c) => c.type === type);
const titles = (columns: Column[], type: string) => column(columns, type)?.items.map(itemTitle) ?? [];
const heading = (text: string, level = 2): SourceBlock => ({ type: 'heading', level, runs: [{ text, strong: true }] });
const paragraph = (text: string): SourceBlock => ({ type: 'paragraph', runs: [{ text }] });
const structure = (blocks: SourceBlock[]) => structureDocument(blocks, 'a.docx', env, { today: TODAY });

describe('a package priced first, then what it includes', () => {
  it('takes the first clause after the colon for the price and the rest for the spec', () => {
    expect(productLine('温馨套餐（21天）：12800元，含专人陪护、营养餐、满月照')).toEqual({
      name: '温馨套餐（21天）',
      price: { kind: 'amount', fen: 1280000 },
      spec: '含专人陪护、营养餐、满月照',
    });
  });

  it('still reads a line whose price is its last clause', () => {
    expect(productLine('钢琴启蒙：5-7岁，一对一，180元/节')).toMatchObject({ name: '钢琴启蒙', price: { fen: 18000, unit: '节' } });
  });
});

describe('a headcount written right after the colon', () => {
  it('reads 3名 as the headcount and leaves it out of the requirements', () => {
    expect(jobLine('康复理疗师：3名，持证上岗，月薪6000-9000元。')).toEqual({
      title: '康复理疗师',
      headcount: 3,
      pay: '月薪6000-9000元',
      requirements: '持证上岗。',
    });
  });

  it('fills the jobs of a 招聘 section', () => {
    const jobs = column(structure([heading('招聘'), paragraph('仓库管理员：2人，会用电脑，月薪4500元。')]).columns, 'jobs')!;
    expect(jobs.items).toMatchObject([{ kind: 'job', title: '仓库管理员', headcount: 2 }]);
  });
});

describe('a remark after the price on a spaced line', () => {
  it('keeps the price and puts the remark in the spec', () => {
    expect(productLine('崂山啤酒（500ml×12听）　56.00元/箱　满五箱送一箱')).toEqual({
      name: '崂山啤酒（500ml×12听）',
      price: { kind: 'amount', fen: 5600, unit: '箱' },
      spec: '满五箱送一箱',
    });
  });

  it('does not take a priceless cell in the middle for the price', () => {
    expect(productLine('学校食堂配送　价格另议　每天清早送到')).toBeUndefined();
  });
});

describe('an event named before its dates', () => {
  it('titles the notice by the name before the colon', () => {
    expect(noticeLine('秋季品鉴会：2026年10月8日至10日，到店品鉴满500元送茶具一套。', [2026], TODAY)).toMatchObject({
      title: '秋季品鉴会',
      date: { iso: '2026-10-08' },
    });
  });

  it('does not take a label for the date (活动时间：) for the name', () => {
    expect(noticeLine('活动时间：2026年10月8日至10日，全场八折。', [2026], TODAY)?.title).toBe('活动时间：2026年10月8日至10日');
  });

  it('keeps the first clause as the title when no date follows the colon', () => {
    expect(noticeLine('温馨提示：雨雪天气送货会晚到，请提前下单。', [2026], TODAY)?.title).toBe('温馨提示：雨雪天气送货会晚到');
  });
});

describe('a document title over numbered section headings', () => {
  const blocks = [
    heading('产品与服务说明', 1),
    heading('一、公司简介'),
    paragraph('本店开业于2012年，专营办公家具。'),
    heading('二、产品报价'),
    paragraph('实木办公桌　980元/张'),
    paragraph('人体工学椅　560元/把'),
    heading('三、招聘'),
    paragraph('因业务扩大，招聘安装师傅2名，会用电钻，月薪5000元。'),
  ];

  it('makes a column of each section, not products of the section headings', () => {
    const { columns } = structure(blocks);
    expect(titles(columns, 'products')).toEqual(['实木办公桌', '人体工学椅']);
    expect(column(columns, 'intro')?.title).toBe('公司简介');
  });

  it('reads one position hired for a reason as a job', () => {
    const job = column(structure(blocks).columns, 'jobs')?.items[0] as Job | undefined;
    expect(job).toMatchObject({ title: '安装师傅', headcount: 2, pay: '月薪5000元' });
  });

  it('keeps the top heading a column when text of its own follows it', () => {
    const { columns } = structure([heading('价目表', 1), paragraph('钢笔　30元/支'), heading('店里消息'), paragraph('周日休息。')]);
    expect(titles(columns, 'products')).toContain('钢笔');
  });
});

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A .docx with a page header and footer (each paragraph's XML given), as Word writes them. */
function withHeaderAndFooter(docx: Uint8Array, header: string, footer: string): Uint8Array {
  const files = unzipSync(docx);
  files['word/header1.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:hdr ${W}>${header}</w:hdr>`);
  files['word/footer1.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:ftr ${W}>${footer}</w:ftr>`);
  files['word/_rels/document.xml.rels'] = strToU8(
    strFromU8(files['word/_rels/document.xml.rels']!).replace(
      '</Relationships>',
      `<Relationship Id="rIdH" Type="${REL}/header" Target="header1.xml"/><Relationship Id="rIdF" Type="${REL}/footer" Target="footer1.xml"/></Relationships>`,
    ),
  );
  files['word/document.xml'] = strToU8(
    strFromU8(files['word/document.xml']!).replace(
      '<w:sectPr>',
      '<w:sectPr><w:headerReference xmlns:r="' +
        REL +
        '" w:type="default" r:id="rIdH"/><w:footerReference xmlns:r="' +
        REL +
        '" w:type="default" r:id="rIdF"/>',
    ),
  );
  return zipSync(files);
}

const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;

describe('the contact only in the page header and footer', () => {
  const docx = withHeaderAndFooter(
    buildDocx([{ p: '关于我们', bold: true, size: 14 }, { p: '本店专做家常菜。' }]),
    `<w:p>${run('福满楼饭庄　订餐热线：')}<w:del w:id="1" w:author="A" w:date="2026-11-20T10:00:00Z"><w:r><w:delText>0531-1111111</w:delText></w:r></w:del><w:ins w:id="2" w:author="A" w:date="2026-11-20T10:00:00Z">${run('0531-8881234')}</w:ins></w:p>`,
    `<w:p>${run('地址：济南市历下区山大路12号　手机：13800001234（周店长）')}</w:p><w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
  );

  it('reads the header and footer lines as the final text reads, without field codes', async () => {
    const { pageLines } = await convertDocx(docx, async () => undefined);
    expect(pageLines).toEqual(['福满楼饭庄　订餐热线：0531-8881234', '地址：济南市历下区山大路12号　手机：13800001234（周店长）']);
  });

  it('reads a text box in the header once, not again from its VML fallback', async () => {
    const box = `<w:txbxContent><w:p>${run('服务热线：400-600-1234')}</w:p></w:txbxContent>`;
    const header = `<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing>${box}</w:drawing></mc:Choice><mc:Fallback><w:pict>${box}</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
    const { pageLines } = await convertDocx(withHeaderAndFooter(buildDocx([{ p: '本店专做家常菜。' }]), header, ''), async () => undefined);
    expect(pageLines).toEqual(['服务热线：400-600-1234']);
  });

  it('hands the lines that give a contact to the contact block, after the body', async () => {
    const named = withHeaderAndFooter(
      buildDocx([{ p: '联系我们', bold: true, size: 14 }, { p: '电话：0531-5550000' }]),
      `<w:p>${run('济南福满楼餐饮有限公司')}</w:p>`,
      `<w:p>${run('地址：济南市历下区山大路12号　手机：13800001234（周店长）')}</w:p>`,
    );
    const output = await readDocument({ kind: 'docx', file: 'a.docx', bytes: named, dataDir: '/nonexistent', today: TODAY });
    expect(output.documents[0]!.material.contactLines).toEqual([
      '电话：0531-5550000',
      '地址：济南市历下区山大路12号　手机：13800001234（周店长）',
    ]);
  });

  it('gives the address, the numbers and the person with a title', async () => {
    const { pageLines } = await convertDocx(docx, async () => undefined);
    expect(parseContact(pageLines)).toMatchObject({
      address: '济南市历下区山大路12号',
      phones: [
        { label: '订餐热线', number: '0531-8881234' },
        { label: '手机', number: '13800001234' },
      ],
      person: '周店长',
    });
  });
});

describe('a contact label spaced out to line up', () => {
  it('reads 地　址 and 联 系 人 as their labels', () => {
    expect(contactPairs('地　址：青岛市市南区香港中路8号').map((p) => [p.field, p.value])).toEqual([
      ['address', '青岛市市南区香港中路8号'],
    ]);
    expect(parseContact(['联 系 人：马会计', '电　话：0532-6661234'])).toMatchObject({
      person: '马会计',
      phones: [{ number: '0532-6661234' }],
    });
  });

  it('leaves spaced words that are no label alone', () => {
    expect(contactPairs('欢　迎：各位新老客户')).toEqual([]);
  });
});

describe('a table of contents', () => {
  it('is left out, with no warning about its style', async () => {
    const docx = buildDocx([
      { p: '目录', bold: true },
      { p: '一、公司简介\t1', style: 'toc 1' },
      { p: '二、服务价格\t2', style: 'toc 1' },
      { p: '一、公司简介', style: 'heading 1' },
      { p: '本所成立于2015年。' },
    ]);
    const { blocks, warnings } = await convertDocx(docx, async () => undefined);
    const texts = blocks.map((b) => ('runs' in b ? runsText(b.runs) : ''));
    expect(texts).toEqual(['目录', '一、公司简介', '本所成立于2015年。']);
    expect(warnings.filter((w) => /toc/i.test(w))).toEqual([]);
  });
});

describe('the contact person named with a title', () => {
  it('reads 联系人：X院长 and a number after it as the person, not 院长 as a label', () => {
    expect(parseContact(['地址：威海市环翠区统一路9号　联系人：郑院长 13900001234'])).toMatchObject({
      person: '郑院长',
      phones: [{ label: '手机', number: '13900001234' }],
    });
  });

  it('finds the title among other remarks in the brackets after a number', () => {
    expect(parseContact(['手机：13900005678（钱站长，微信同号）'])).toMatchObject({
      person: '钱站长',
      phones: [{ label: '手机', number: '13900005678' }],
    });
    expect(parseContact(['手机：13900005678（微信同号）'])?.person).toBeUndefined();
  });

  it('reads who to ask for after 找', () => {
    expect(parseContact(['电话0535-6001234，手机13900002468找孔师傅'])?.person).toBe('孔师傅');
  });
});

describe('photos named in pinyin', () => {
  const columns: Column[] = [
    {
      id: 'p',
      type: 'products',
      title: '特色',
      order: 0,
      channels: { web: true, wap2: true, wap1: true, sms: true },
      body: [],
      items: [{ kind: 'product', id: 'i1', name: '樱桃采摘', price: { kind: 'amount', fen: 4000 }, description: [], images: [] }],
    },
    {
      id: 'n',
      type: 'news',
      title: '消息',
      order: 1,
      channels: { web: true, wap2: true, wap1: true, sms: true },
      body: [],
      items: [{ kind: 'article', id: 'a1', title: '樱桃园今年开园', body: [], images: [] }],
    },
  ];

  it('gives a photo a product and a notice both fit to the product', () => {
    expect(matchPhoto('yingtao.jpg', columns)).toMatchObject({ kind: 'item', item: { id: 'i1' } });
    expect(matchPhoto('樱桃.jpg', columns)).toMatchObject({ kind: 'item', item: { id: 'i1' } });
  });

  it('takes a pinyin name that sounds like a place for a place', () => {
    expect(isPlaceName('hongshaorou.jpg')).toBe(false);
    expect(isPlaceName('caiyuan.jpg')).toBe(true);
    expect(isPlaceName('menmian-2.jpg')).toBe(true);
    expect(isPlaceName('garden.jpg')).toBe(false);
  });
});

describe('the contact in the page header and footer of an OpenDocument text', () => {
  it('reads the master page header and footer lines, not a tracked deletion, spaces written out', () => {
    const files = unzipSync(readFileSync(path.join(FIXTURES_DIR, 'formats', '公司简介.odt')));
    const styles = strFromU8(files['styles.xml']!).replace(
      '<style:master-page style:name="Standard" style:page-layout-name="Mpm1"/>',
      '<style:master-page style:name="Standard" style:page-layout-name="Mpm1">' +
        '<style:header><text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>旧电话：0000-1111111</text:p></text:deletion></text:changed-region></text:tracked-changes>' +
        '<text:p>兴隆茶庄<text:s text:c="2"/>订茶热线：0595-2221234</text:p></style:header>' +
        '<style:footer><text:p>地址：泉州市丰泽区丰泽街5号<text:tab/>手机：13900003579（<text:span>林掌柜</text:span>）</text:p></style:footer>' +
        '</style:master-page>',
    );
    files['styles.xml'] = strToU8(styles);
    const lines = openDocumentPageLines(zipSync(files));
    expect(lines).toEqual(['兴隆茶庄  订茶热线：0595-2221234', '地址：泉州市丰泽区丰泽街5号\t手机：13900003579（林掌柜）']);
    expect(parseContact(lines)).toMatchObject({ address: '泉州市丰泽区丰泽街5号', person: '林掌柜' });
  });
});
