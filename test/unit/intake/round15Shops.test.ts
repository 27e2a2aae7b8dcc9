/**
 * Shapes of customer material the held-out round 15 showed the importer did not read (issue 9): a shop
 * page (a WeChat mini program, a 美团 page) copied as text with its buttons, sold counts, badges, search box
 * and tab bar, a shop notice over the products, deal and sale sheets with a list price beside the price
 * paid, a deal export listing deals no longer sold, and a mail named after its attachment. The text is
 * made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import type { SourceBlock } from '../../../electron/backend/domains/intake/htmlToBlocks';
import { fileNameColumn, matchColumnKeyword } from '../../../electron/backend/domains/intake/keywords';
import { linesToBlocks, textLines } from '../../../electron/backend/domains/intake/lines';
import { withoutPageChrome } from '../../../electron/backend/domains/intake/pageChrome';
import { sheetBlocks, type Sheet } from '../../../electron/backend/domains/intake/spreadsheet';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import { itemTitle, type Column, type Item } from '../../../shared/sites/model';

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const TODAY = '2026-11-20';
const column = (columns: Column[], type: string) => columns.find((c) => c.type === type);
const titles = (columns: Column[], type: string) => column(columns, type)?.items.map(itemTitle) ?? [];
const structure = (blocks: SourceBlock[], file: string) => structureDocument(blocks, file, env, { today: TODAY });
const fromText = (text: string) => structure(linesToBlocks(textLines(text)), 'a.txt');
const priceOf = (columns: Column[], title: string) =>
  (column(columns, 'products')?.items.find((i) => itemTitle(i) === title) as Item & { price?: { fen?: number } })?.price;

const SHOP_PAGE = [
  '青禾茶舍 ›',
  '店铺公告（2026-11-15）：冬季新茶上市，全场满200减30，老顾客再送茶点一份',
  '全部商品',
  '新品',
  '搜索店内商品',
  '明前龙井（250克罐装）',
  '今年头采，口感鲜爽',
  '¥368',
  '¥428',
  '已售86件',
  '立即购买',
  '9.5折',
  '白茶饼（357克）',
  '¥198',
  '已售41件',
  '加入购物车',
  '—— 已经到底了 ——',
  '首页  分类  购物车  我的',
].join('\n');

describe('a shop page copied as text', () => {
  it('leaves out buttons, sold counts, badges, the search box, the end marker and the tab bar', () => {
    const kept = withoutPageChrome(SHOP_PAGE.split('\n')).filter(Boolean);
    for (const chrome of ['立即购买', '加入购物车', '已售86件', '9.5折', '搜索店内商品', '—— 已经到底了 ——', '首页  分类  购物车  我的'])
      expect(kept).not.toContain(chrome);
    expect(kept).toContain('明前龙井（250克罐装）');
  });

  it('keeps a line reading "立即购买" in a text that is no page copy', () => {
    const lines = ['订购方式', '立即购买', '请拨打电话'];
    expect(withoutPageChrome(lines)).toEqual(lines);
  });

  it('does not run the notice on into the short tab lines after it', () => {
    expect(textLines(SHOP_PAGE).map((l) => l.text)).toContain('全部商品');
  });

  it('reads each card as a product priced at its first price, and the shop notice as dated news', () => {
    const result = fromText(SHOP_PAGE);
    expect(titles(result.columns, 'products')).toEqual(['明前龙井（250克罐装）', '白茶饼（357克）']);
    expect(priceOf(result.columns, '明前龙井（250克罐装）')?.fen).toBe(36800);
    const news = column(result.columns, 'news')?.items ?? [];
    expect(news.map(itemTitle)).toEqual(['冬季新茶上市']);
    expect((news[0] as Item & { date?: string }).date).toBe('2026-11-15');
  });

  it('reads "公告：…" with a date in it over the cards as news too', () => {
    const text = SHOP_PAGE.replace(/^店铺公告.*$/m, '公告：11月28日起晚间营业延长到十点，欢迎光临');
    const result = fromText(text);
    expect(titles(result.columns, 'news')).toEqual(['11月28日起晚间营业延长到十点']);
  });

  it('takes 门店信息 for the contact section', () => {
    expect(matchColumnKeyword('门店信息')?.type).toBe('contact');
  });
});

describe('a sheet with the list price beside the price paid', () => {
  const sheet = (name: string, rows: string[][]): Sheet => ({ name, rows });

  it('takes the 到手价 over the 原价', () => {
    const result = structure(
      sheetBlocks([
        sheet('价目', [
          ['商品', '原价', '折扣', '到手价'],
          ['电饭煲 4升', '599元', '9折', '539元'],
          ['电水壶', '199元', '8折', '159元'],
        ]),
      ]),
      '价目表.xlsx',
    );
    expect(priceOf(result.columns, '电饭煲 4升')?.fen ?? priceOf(result.columns, '电饭煲')?.fen).toBe(53900);
    expect(priceOf(result.columns, '电水壶')?.fen).toBe(15900);
  });

  it('takes the 团购价 over the 门市价 and leaves out a deal no longer on sale', () => {
    const result = structure(
      sheetBlocks([
        sheet('团购', [
          ['团购名称', '门市价(元)', '团购价(元)', '状态'],
          ['双人下午茶', '128.00', '88.00', '售卖中'],
          ['单人简餐', '48.00', '35.00', '售卖中'],
          ['国庆套餐', '198.00', '128.00', '已下线'],
        ]),
      ]),
      '团购列表.csv',
    );
    expect(titles(result.columns, 'products')).toEqual(['双人下午茶', '单人简餐']);
    expect(priceOf(result.columns, '双人下午茶')?.fen).toBe(8800);
  });
});

describe("a list price beside a members' price", () => {
  it("keeps the price everyone pays, not the members' one", () => {
    const result = structure(
      sheetBlocks([
        {
          name: '房价',
          rows: [
            ['房型', '门市价', '会员价'],
            ['双床房', '300元/晚', '240元/晚'],
            ['大床房', '360元/晚', '280元/晚'],
          ],
        },
      ]),
      '房价.xlsx',
    );
    expect(priceOf(result.columns, '双床房')?.fen).toBe(30000);
  });
});

describe('a contact row under a price sheet', () => {
  it('fills the contact, not a product', () => {
    const result = structure(
      sheetBlocks([
        {
          name: '价目',
          rows: [
            ['品名', '型号', '原价', '到手价'],
            ['电饭煲', 'FB-40', '599', '539'],
            ['电水壶', 'SH-17', '199', '159'],
            ['地址：某市某区幸福路8号　电话：0000-1234567', '', '', ''],
          ],
        },
      ]),
      '价目表.xlsx',
    );
    expect(titles(result.columns, 'products')).toEqual(['电饭煲 FB-40', '电水壶 SH-17']);
    expect(result.contactLines).toContain('地址：某市某区幸福路8号　电话：0000-1234567');
  });
});

describe('a price header over bands', () => {
  const BANDS: Sheet = {
    name: '收费',
    rows: [
      ['项目', '说明', '年缴费用（元）', '', ''],
      ['', '', '小户型', '中户型', '大户型'],
      ['保洁托管', '每周两次', '1200', '1800', '2600'],
      ['门窗检修', '上门检查', '-', '300', '300'],
      ['整屋翻新', '现场查看后定', '按面积计价', '', ''],
    ],
  };

  it('reads one price a row: the lowest band, "from" when another costs more, per year by a 年缴 header', () => {
    const result = structure(sheetBlocks([BANDS]), '收费.xlsx');
    expect(titles(result.columns, 'products')).toEqual(['保洁托管', '门窗检修', '整屋翻新']);
    expect(priceOf(result.columns, '保洁托管')).toMatchObject({ kind: 'amount', fen: 120000, unit: '年', from: true });
    const same = priceOf(result.columns, '门窗检修') as { fen?: number; from?: boolean };
    expect(same.fen).toBe(30000);
    expect(same.from).toBeUndefined();
    expect(priceOf(result.columns, '整屋翻新')).toEqual({ kind: 'negotiable' });
  });
});

describe('a file named after its attachment', () => {
  it('takes no column from a remark pointing at the attachment', () => {
    expect(fileNameColumn('网站资料（价格表在附件）.eml')).toBeUndefined();
    expect(fileNameColumn('价格表.eml')?.type).toBe('products');
  });
});
