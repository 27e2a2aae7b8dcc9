/**
 * Shapes of customer material the held-out round 11 showed the importer did not read (issue 9): a
 * price grid (models down, repairs across), a sheet of product blocks, text split by emoji lines
 * with a typed price table and 招…2名 lines, plain text saved as .doc, a Word table holding the whole
 * page, English and Chinese side by side, numbered courses set in two columns, compound units,
 * market-stall contacts. The text is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { parseContact } from '../../../electron/backend/domains/intake/contact';
import type { SourceBlock } from '../../../electron/backend/domains/intake/htmlToBlocks';
import { readLegacyWord } from '../../../electron/backend/domains/intake/legacyWord';
import { isPlaceName } from '../../../electron/backend/domains/intake/photos';
import { jobLine } from '../../../electron/backend/domains/intake/lineItems';
import { linesToBlocks, textLines } from '../../../electron/backend/domains/intake/lines';
import { sheetBlocks } from '../../../electron/backend/domains/intake/spreadsheet';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import { readTable } from '../../../electron/backend/domains/intake/tables';
import { itemTitle, type Column } from '../../../shared/sites/model';
import { parsePrice } from '../../../shared/sites/price';

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const TODAY = '2026-12-01';
const column = (columns: Column[], type: string) => columns.find((c) => c.type === type);
const titles = (columns: Column[], type: string) => column(columns, type)?.items.map(itemTitle) ?? [];
const cells = (rows: string[][]): SourceBlock => ({ type: 'table', header: false, rows: rows.map((r) => r.map((text) => [{ text }])) });
const heading = (text: string): SourceBlock => ({ type: 'heading', level: 1, runs: [{ text, strong: true }] });
const structure = (blocks: SourceBlock[], file = 'a.docx') => structureDocument(blocks, file, env, { today: TODAY });
const fromText = (text: string) => structure(linesToBlocks(textLines(text)), 'a.txt');

describe('a price grid in a sheet', () => {
  it('makes each priced cell an item named by its row and column, a dash no item', () => {
    const sheet = {
      name: '价目',
      rows: [
        ['洗车店 服务价目', '', '', ''],
        ['车型＼项目', '普洗', '精洗', '打蜡'],
        ['轿车', '30', '60', '120'],
        ['SUV', '40', '80', '—'],
        ['注：节假日不加价', '', '', ''],
      ],
    };
    const result = structure(sheetBlocks([sheet]), '价目.xlsx');
    expect(titles(result.columns, 'products')).toEqual(['轿车 普洗', '轿车 精洗', '轿车 打蜡', 'SUV 普洗', 'SUV 精洗']);
    expect(column(result.columns, 'products')!.items[4]).toMatchObject({ price: { kind: 'amount', fen: 8000 } });
  });

  it('leaves a table of two prices of one item (零售价 | 会员价) a table of items', () => {
    const sheet = {
      name: '价目',
      rows: [
        ['品名', '零售价', '会员价'],
        ['玫瑰花束', '99', '89'],
        ['百合花束', '129', '109'],
      ],
    };
    const result = structure(sheetBlocks([sheet]), '价目.xlsx');
    expect(titles(result.columns, 'products')).toEqual(['玫瑰花束', '百合花束']);
  });
});

describe('a sheet written as blocks of rows, one product each', () => {
  it('reads the name row and its 规格/价格/说明 rows as one product, a bracketed remark after the price kept apart', () => {
    const sheet = {
      name: 'Sheet1',
      rows: [
        ['五金店 常用报价', ''],
        ['不锈钢合页'],
        ['规格', '4寸'],
        ['价格', '12元/个'],
        ['说明', '304材质'],
        ['电钻套装'],
        ['规格', '家用款'],
        ['价格', '199元（送钻头）'],
        ['说明', ''],
        ['以上价格含税'],
      ],
    };
    const result = structure(sheetBlocks([sheet]), '报价.xlsx');
    expect(titles(result.columns, 'products')).toEqual(['不锈钢合页', '电钻套装']);
    const items = column(result.columns, 'products')!.items;
    expect(items[0]).toMatchObject({ price: { kind: 'amount', fen: 1200, unit: '个' } });
    expect(items[1]).toMatchObject({ price: { kind: 'amount', fen: 19900 } });
  });
});

describe('contacts exported from a phone', () => {
  it('gives the contact block the person in charge, not items', () => {
    const sheet = {
      name: '通讯录.csv',
      rows: [
        ['姓名', '公司', '职位', '手机', '电话(工作)', '地址(工作)'],
        ['王会计', '顺达五金', '会计', '13700001111', '', ''],
        ['刘顺达', '顺达五金', '老板', '138 0000 2222', '0531-5550123', '历城区五金城C区8号'],
      ],
    };
    const result = structure(sheetBlocks([sheet]), '通讯录.csv');
    expect(result.columns.flatMap((c) => c.items)).toEqual([]);
    expect(parseContact(result.contactLines)).toMatchObject({
      address: '历城区五金城C区8号',
      person: '刘顺达',
      phones: [
        { label: '手机', number: '13800002222' },
        { label: '电话', number: '0531-5550123' },
      ],
    });
  });
});

describe('a header of short words', () => {
  it('takes 库位 | 温度 | 计费方式 | 单价 | 备注 (two field names among them) for the header, not for an item', () => {
    const sheet = {
      name: '报价',
      rows: [
        ['仓储 报价单', '', '', '', ''],
        ['库位', '温度', '计费方式', '单价', '备注'],
        ['冷藏位', '0~4℃', '按天', '2元/天', '蔬果'],
        ['冷冻位', '-18℃', '按面积', '30元/㎡·月', '肉类'],
        ['整库', '—', '—', '面议', '千吨以上'],
      ],
    };
    const reading = readTable(sheet.rows, 10);
    expect(reading).toMatchObject({ hasHeader: true, titleRows: [sheet.rows[0]] });
    expect(reading.columns.map((c) => c.role)).toEqual(['name', 'spec', 'spec', 'price', 'description']);
    const result = structure(sheetBlocks([sheet]), '报价.xlsx');
    expect(titles(result.columns, 'products')).toEqual(['冷藏位', '冷冻位', '整库']);
  });
});

describe('prices with compound units', () => {
  it('reads 元/㎡ as per 平方米 and 元/㎡·月 too', () => {
    expect(parsePrice('450元/㎡')).toEqual({ kind: 'amount', fen: 45000, unit: '平方米' });
    expect(parsePrice('30元/㎡·月')).toEqual({ kind: 'amount', fen: 3000, unit: '平方米·月' });
  });
});

describe('a post split by emoji lines, without headings', () => {
  const text = [
    '🌟🌟🌟',
    '老周装修，做了二十年。',
    '',
    '💰💰',
    '瓷砖铺贴　45元/㎡',
    '墙面刷漆　28元/㎡',
    '吊顶　面议',
    '',
    '👷👷',
    '招木工2名 日结350元/天',
    '招学徒1名 包吃住',
    '',
    '☎️',
    '电话：0531-1234567',
  ].join('\n');

  it('reads the typed price table as products and the 招…名 lines as jobs without the 招', () => {
    const result = fromText(text);
    expect(titles(result.columns, 'products')).toEqual(['瓷砖铺贴', '墙面刷漆', '吊顶']);
    expect(titles(result.columns, 'jobs')).toEqual(['木工', '学徒']);
    expect(column(result.columns, 'jobs')!.items[0]).toMatchObject({ headcount: 2 });
  });

  it('does not take a 招牌 dish for a job', () => {
    expect(jobLine('招牌鱼头2人份 88元')?.title).not.toBe('牌鱼头');
    expect(jobLine('招服务员3名，月薪4000元')).toMatchObject({ title: '服务员', headcount: 3 });
  });
});

describe('several priced items on one line', () => {
  it('reads each of them in a text without headings', () => {
    const result = fromText('老李修车铺，二十年手艺。\n另有：补胎 20元/个  洗车 15元/次\n电话：0531-7654321\n');
    expect(titles(result.columns, 'products')).toEqual(['补胎', '洗车']);
  });
});

describe('job lines set without separators', () => {
  it('reads the pay straight after the headcount, or a bare amount', () => {
    expect(jobLine('钢琴教师2名底薪4000+课时费')).toMatchObject({ title: '钢琴教师', headcount: 2, pay: '底薪4000+课时费' });
    expect(jobLine('前台1名3500-4500元')).toMatchObject({ title: '前台', headcount: 1, pay: '3500-4500元' });
  });
});

describe('plain text saved under a .doc name', () => {
  it('is read as text, not refused as a damaged Word file', async () => {
    const content = await readLegacyWord(new TextEncoder().encode('元旦放假通知\n\n1月1日至3日放假。\n'));
    expect(content).toEqual({ kind: 'lines', text: '元旦放假通知\n\n1月1日至3日放假。\n' });
  });
});

describe('a Word table holding the whole page', () => {
  it('gives its prose rows back as lines: the price rows stay a table, notices, posts and the address are read', () => {
    const table = cells([
      ['宏达建材 本店经营水泥、沙子、钢筋，送货到工地，价格实在，欢迎来电。'],
      ['品名', '规格', '价格'],
      ['水泥', '42.5', '420元/吨'],
      ['黄沙', '中砂', '95元/吨'],
      ['最新消息：2026年11月起钢筋大量到货，欢迎订购。 12月3日仓库搬到新址，照常营业。'],
      ['长期收购：废旧钢材、旧模板，价格面谈。'],
      ['地址：历城区工业北路66号　电话：0531-8888123'],
    ]);
    const result = structure([table]);
    expect(titles(result.columns, 'products')).toEqual(['水泥', '黄沙']);
    expect(titles(result.columns, 'news')).toEqual(['2026年11月起钢筋大量到货', '12月3日仓库搬到新址']);
    expect(titles(result.columns, 'supply')).toEqual(['废旧钢材、旧模板']);
    expect(result.contactLines.join('\n')).toContain('地址：历城区工业北路66号');
  });
});

describe('English and Chinese side by side', () => {
  it('reads the Chinese column: its column names as headings, its lines as items', () => {
    const table = cells([
      ['ABOUT US', '公司简介'],
      ['We make tea cups since 2001.', '本厂2001年起生产茶杯。'],
      ['PRODUCTS', '产品'],
      ['Glass cup, RMB 15/piece', '玻璃杯　15元/个'],
      ['Ceramic cup, RMB 25/piece', '陶瓷杯　25元/个'],
      ['JOBS', '招聘'],
      ['Workers ×3, RMB 4,000/month', '普工3名，月薪4000元'],
    ]);
    const result = structure([table]);
    expect(titles(result.columns, 'products')).toEqual(['玻璃杯', '陶瓷杯']);
    expect(titles(result.columns, 'jobs')).toEqual(['普工']);
    expect(titles(result.columns, 'products').join()).not.toMatch(/cup/i);
  });
});

describe('numbered items set in two columns', () => {
  it('reads every cell as an item, in the order of the numbers', () => {
    const blocks = [
      heading('课程价格'),
      cells([
        ['①少儿美术（5-8岁）1200元/学期', '③成人素描1500元/季度'],
        ['②少儿书法（6-12岁）1100元/学期', '④考级辅导面议'],
      ]),
    ];
    const result = structure(blocks, 'a.pdf');
    expect(titles(result.columns, 'products')).toEqual(['少儿美术（5-8岁）', '少儿书法（6-12岁）', '成人素描', '考级辅导']);
  });
});

describe('a dated notice among supply posts', () => {
  it('goes to the news column', () => {
    const result = structureDocument(
      linesToBlocks(textLines('出租：二号仓库500平方\n求购：旧货架20组\n\n2026年10月 新仓库投入使用\n')),
      '供求信息.txt',
      env,
      { today: TODAY, fileColumn: { type: 'supply', keyword: '供求', from: '供求信息' } },
    );
    expect(titles(result.columns, 'supply')).toEqual(['二号仓库500平方', '旧货架20组']);
    expect(titles(result.columns, 'news')).toEqual(['新仓库投入使用']);
  });
});

describe('contacts of a market stall', () => {
  it('reads 摊位 as the address, 手机/微信 as the mobile and 小王 after it as the person', () => {
    expect(parseContact(['摊位：历下区数码港二楼A12', '电话：0531-7654321', '手机/微信：13912345678 小王'])).toMatchObject({
      address: '历下区数码港二楼A12',
      person: '小王',
      phones: [
        { label: '电话', number: '0531-7654321' },
        { label: '手机', number: '13912345678' },
      ],
    });
  });

  it('reads 微信/手机 as the mobile too', () => {
    expect(parseContact(['微信/手机：13912345678（陈教练）'])).toMatchObject({
      person: '陈教练',
      phones: [{ label: '手机', number: '13912345678' }],
    });
  });

  it('takes a photo of the stall or counter for a place, not a product', () => {
    expect(isPlaceName('柜台.jpg')).toBe(true);
    expect(isPlaceName('我的档口.jpg')).toBe(true);
  });

  it('keeps 二楼 in the address before 咨询电话, and takes （周老师） after a number for the person', () => {
    expect(parseContact(['校址：市中区人民路8号三楼咨询电话：0531-7654321', '13912345678（周老师）'])).toMatchObject({
      address: '市中区人民路8号三楼',
      person: '周老师',
    });
  });
});
