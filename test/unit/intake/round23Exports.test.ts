/**
 * Material round 23 showed arriving as XML (issue 9): an old till program's goods list exported to XML with field
 * names in pinyin initials, and an Evernote (印象笔记) export of the owner's notes. The records and notes are made up
 * for the tests.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readEvernote } from '../../../electron/backend/domains/intake/evernote';
import { jsonBlocks } from '../../../electron/backend/domains/intake/jsonRecords';
import { pinyinKeyWord } from '../../../electron/backend/domains/intake/pinyinKeys';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import { readWebPage } from '../../../electron/backend/domains/intake/webPage';
import { decodeXml, xmlRecordBlocks, xmlRecords } from '../../../electron/backend/domains/intake/xmlRecords';
import { parseXml } from '../../../electron/backend/domains/intake/xmlTree';
import { itemTitle, type Column } from '../../../shared/sites/model';
import { env, TODAY } from '../../helpers/structuredText';

const ofType = (columns: Column[], type: string) => columns.find((c) => c.type === type)?.items ?? [];
const utf8 = (text: string) => new Uint8Array(Buffer.from(new TextEncoder().encode(text)));

describe('pinyin-initial field names', () => {
  it('reads the initials of the goods fields an old program keeps, in either case', () => {
    expect(pinyinKeyWord('spmc')).toBe('商品名称');
    expect(pinyinKeyWord('LSJ')).toBe('零售价');
    expect(pinyinKeyWord('jj')).toBe('进价');
    expect(pinyinKeyWord('dw')).toBe('单位');
    expect(pinyinKeyWord('name')).toBeUndefined();
  });

  it('reads a JSON export keyed so only when one key names the goods that way', () => {
    const records = [
      { pm: '紫砂茶壶', gg: '300ml', dw: '把', lsj: 260, jj: 120, ty: 0 },
      { pm: '白瓷盖碗', gg: '150ml', dw: '只', lsj: 45, jj: 18, ty: 1 },
      { pm: '竹茶盘', dw: '个', lsj: 0, jj: 60, ty: 0, bz: '尺寸不同，价格电议' },
    ];
    const material = structureDocument(jsonBlocks(JSON.stringify(records), '货品'), '货品.json', env, { today: TODAY });
    const items = ofType(material.columns, 'products');
    expect(items.map(itemTitle)).toEqual(['紫砂茶壶', '竹茶盘']);
    const prices = items.map((i) => (i.kind === 'product' ? i.price : undefined));
    expect(prices[0]).toMatchObject({ kind: 'amount', fen: 26000, unit: '把' });
    expect(prices[1]).toMatchObject({ kind: 'negotiable' });
    // The purchase price never reaches the site.
    expect(JSON.stringify(material.columns)).not.toContain('120');
  });
});

describe('an XML export of records', () => {
  const dataPacket = `<?xml version="1.0" encoding="UTF-8"?>
<DATAPACKET><METADATA><FIELDS><FIELD attrname="hpmc" fieldtype="string"/><FIELD attrname="lsj" fieldtype="r8"/></FIELDS></METADATA>
<ROWDATA>
<ROW spbh="A01" spmc="不锈钢保温杯" gg="500ml" dw="个" lsj="59" hyj="55" jj="28" ty="FALSE"/>
<ROW spbh="A02" spmc="陶瓷马克杯" dw="个" lsj="25" hyj="22" jj="9" ty="FALSE"/>
<ROW spbh="A03" spmc="玻璃水杯" dw="个" lsj="12" hyj="12" jj="4" ty="TRUE" bz="厂家停产"/>
<ROW spbh="9001" spmc="购物袋" dw="个" lsj="0.3" hyj="0.3" jj="0.1" ty="FALSE"/>
</ROWDATA></DATAPACKET>`;

  it('takes the largest run of sibling elements, fields from attributes', () => {
    const records = xmlRecords(parseXml(dataPacket));
    expect(records).toHaveLength(4);
    expect(records[0]).toMatchObject({ spmc: '不锈钢保温杯', lsj: '59' });
  });

  it('reads a till export as goods: retail price, discontinued goods and the carrier bag left out', () => {
    const material = structureDocument(xmlRecordBlocks(parseXml(dataPacket), '商品'), '商品.xml', env, { today: TODAY });
    const items = ofType(material.columns, 'products');
    expect(items.map(itemTitle)).toEqual(['不锈钢保温杯', '陶瓷马克杯']);
    expect(items[0]).toMatchObject({ price: { kind: 'amount', fen: 5900, unit: '个' } });
  });

  it('reads records written as child elements too', () => {
    const xml = `<export><goods><name>花生油</name><price>89</price><unit>桶</unit></goods><goods><name>菜籽油</name><price>76</price><unit>桶</unit></goods></export>`;
    const material = structureDocument(xmlRecordBlocks(parseXml(xml), 'goods'), 'goods.xml', env, { today: TODAY });
    expect(ofType(material.columns, 'products').map(itemTitle)).toEqual(['花生油', '菜籽油']);
  });

  it('decodes the encoding the declaration names (GB2312 as GB18030)', () => {
    const bytes = new Uint8Array(
      Buffer.from('3c3f786d6c2076657273696f6e3d22312e302220656e636f64696e673d22474232333132223f3e3c613ec4e3bac33c2f613e', 'hex'),
    );
    expect(decodeXml(bytes)).toContain('<a>你好</a>');
    expect(decodeXml(utf8('<a>好</a>'))).toBe('<a>好</a>');
  });

  it('refuses XML without a list of records', () => {
    expect(() => xmlRecordBlocks(parseXml('<config><shop name="x"/></config>'), 'config')).toThrow(/no list of records/);
  });
});

describe('an Evernote export', () => {
  const picture = new Uint8Array([1, 2, 3, 4]);
  const md5 = createHash('md5').update(picture).digest('hex');
  const note = (title: string, body: string, resource = '') =>
    `<note><title>${title}</title><content><![CDATA[<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE en-note SYSTEM "http://xml.evernote.com/pub/enml2.dtd"><en-note>${body}</en-note>]]></content>${resource}</note>`;
  const enex = `<?xml version="1.0" encoding="UTF-8"?><en-export>${[
    note('价目表', '<div><b>一、窗帘</b></div><div>遮光布　45元/米</div><div>纱帘　30元/米</div>'),
    note(
      '关于我们',
      `<div>我们做布艺十年了。</div><div><en-media hash="${md5}" type="image/png"/></div>`,
      `<resource><data encoding="base64">${Buffer.from(picture).toString('base64')}</data><mime>image/png</mime></resource>`,
    ),
    note('本周', '<div><en-todo checked="false"/>给李姐回电话 13900001111</div><div><en-todo/>进货：遮光布进价18</div>'),
    note('杂事', '<div>周五盘点</div>'),
  ].join('')}</en-export>`;

  it('gives each note as a page, lines as paragraphs and its picture stored where it stands; to-do lists left out', async () => {
    const stored: Uint8Array[] = [];
    const notes = await readEvernote(parseXml(enex), async (bytes) => {
      stored.push(bytes);
      return 'a'.repeat(64);
    });
    expect(notes.map((n) => n.title)).toEqual(['价目表', '关于我们', '杂事']);
    expect(stored).toHaveLength(1);
    expect(notes[1]!.html).toContain(`asset:${'a'.repeat(64)}`);
    const blocks = readWebPage(notes[0]!.html, '笔记.enex/价目表').blocks;
    const material = structureDocument(blocks, '笔记.enex/价目表', env, { today: TODAY });
    expect(ofType(material.columns, 'products').map(itemTitle)).toEqual(['遮光布', '纱帘']);
  });

  it('leaves out a note titled as the owner’s own', async () => {
    const notes = await readEvernote(
      parseXml(`<en-export>${note('待办事项', '<div>周一交房租</div>')}</en-export>`),
      async () => undefined,
    );
    expect(notes).toEqual([]);
  });
});
