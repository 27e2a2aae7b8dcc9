/**
 * Shapes of customer material the held-out round 18 showed the importer misread (issue 9): a workbook where
 * last year's price sheet was copied to make this year's, a grade column (压力等级) read as a model code, and
 * online-shop product pages saved from the browser. The text is made up for the tests.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsx, sheetBlocks, type Sheet } from '../../../electron/backend/domains/intake/spreadsheet';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import { abbreviates, ownNameInTitleLine } from '../../../electron/backend/domains/intake/ownName';
import { currentSheets } from '../../../electron/backend/domains/intake/supersededSheets';
import { readWebPage } from '../../../electron/backend/domains/intake/webPage';
import { itemTitle, runsText, type Column, type Product } from '../../../shared/sites/model';

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const TODAY = '2026-12-01';
const products = (columns: Column[]) => columns.filter((c) => c.type === 'products').flatMap((c) => c.items) as Product[];
const fromSheets = (sheets: Sheet[]) => structureDocument(sheetBlocks(sheets), '价目.xlsx', env, { today: TODAY });
const fen = (p: Product | undefined) => (p?.price as { fen?: number } | undefined)?.fen;

const priceSheet = (name: string, title: string, goods: [string, string, number][]): Sheet => ({
  name,
  rows: [[title, '', ''], ['品名', '规格', '单价（元）'], ...goods.map(([n, s, p]) => [n, s, String(p)])],
});

describe('a workbook where last year’s sheet was copied to make this year’s', () => {
  const old = priceSheet('2024旧价', '山楂制品价格表（2024年5月）', [
    ['山楂条', '200g', 8],
    ['山楂片', '250g', 9],
    ['果丹皮', '300g', 10],
  ]);
  const current = priceSheet('2025新价', '山楂制品价格表（2025年10月起）', [
    ['山楂条', '200g', 9],
    ['山楂片', '250g', 10],
    ['冰糖葫芦', '10串', 25],
  ]);

  it('keeps only the current sheet: an old sheet’s goods are withdrawn, its prices superseded', () => {
    const items = products(fromSheets([old, current]).columns);
    expect(items.map(itemTitle)).toEqual(['山楂条', '山楂片', '冰糖葫芦']);
    expect(items.map(fen)).toEqual([900, 1000, 2500]);
    expect(items.every((p) => !p.category)).toBe(true);
  });

  it('tells the old version by an earlier date in its title when the names say nothing', () => {
    const a = { ...old, name: '价格' };
    const b = { ...current, name: '价格 (2)' };
    expect(currentSheets([a, b]).map((s) => s.name)).toEqual(['价格 (2)']);
  });

  it('keeps the sheet the workbook opens on when versions carry no name or date to tell them apart', () => {
    const a = priceSheet('价格表', '价格表', [
      ['山楂条', '200g', 8],
      ['山楂片', '250g', 9],
    ]);
    const b = {
      ...priceSheet('价格表 (2)', '价格表', [
        ['山楂条', '200g', 9],
        ['山楂片', '250g', 10],
      ]),
      active: true,
    };
    expect(currentSheets([a, b]).map((s) => s.name)).toEqual(['价格表 (2)']);
  });

  it('keeps sheets that are categories with the same header, and an old-named sheet with goods of its own', () => {
    const fruit = priceSheet('水果', '价目表', [
      ['苹果', '1斤', 6],
      ['香蕉', '1斤', 4],
    ]);
    const vegetables = {
      ...priceSheet('蔬菜', '价目表', [
        ['白菜', '1斤', 2],
        ['土豆', '1斤', 3],
      ]),
      active: true,
    };
    expect(currentSheets([fruit, vegetables]).map((s) => s.name)).toEqual(['水果', '蔬菜']);
    const men = priceSheet('男装', '价目表', [
      ['T恤', 'M-XXL', 59],
      ['衬衫', 'M-XXL', 89],
    ]);
    const women = {
      ...priceSheet('女装', '价目表', [
        ['T恤', 'S-XL', 49],
        ['衬衫', 'S-XL', 79],
      ]),
      active: true,
    };
    expect(currentSheets([men, women]).map((s) => s.name)).toEqual(['男装', '女装']);
    const tradeIn = priceSheet('旧版回收', '回收价', [
      ['旧手机', '台', 100],
      ['旧电脑', '台', 200],
    ]);
    expect(currentSheets([fruit, tradeIn]).map((s) => s.name)).toEqual(['水果', '旧版回收']);
  });

  it('reads which sheet an .xlsx opens on', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('旧').addRows([
      ['品名', '单价'],
      ['山楂条', 8],
    ]);
    workbook.addWorksheet('新').addRows([
      ['品名', '单价'],
      ['山楂条', 9],
    ]);
    workbook.views = [{ activeTab: 1 } as ExcelJS.WorkbookView];
    const sheets = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(sheets.map((s) => [s.name, Boolean(s.active)])).toEqual([
      ['旧', false],
      ['新', true],
    ]);
  });
});

describe('a grade column beside the 规格 column', () => {
  it('reads 压力等级 (1.6MPa) as a spec, so repeated names take the 规格 value into their titles', () => {
    const items = products(
      fromSheets([
        {
          name: 'Sheet1',
          rows: [
            ['品名', '规格', '压力等级', '单位', '出厂价（元）'],
            ['钢丝软管', 'DN20', '1.0MPa', '米', '6.5'],
            ['钢丝软管', 'DN32', '1.0MPa', '米', '9.8'],
            ['铝塑复合管', 'DN16', 'PN16', '米', '4.2'],
          ],
        },
      ]).columns,
    );
    expect(items.map(itemTitle)).toEqual(['钢丝软管 DN20', '钢丝软管 DN32', '铝塑复合管 DN16']);
    expect(items[0]!.price).toMatchObject({ fen: 650, unit: '米' });
  });
});

describe('an online shop’s product page saved from the browser', () => {
  const fromPage = (html: string) => {
    const page = readWebPage(html, '宝贝.htm');
    return structureDocument(page.blocks, '宝贝.htm', env, { today: TODAY });
  };
  const chrome = `<div class="site-nav"><a>亲，请登录</a> <a>免费注册</a> <span>购物车0</span></div>
<div class="shop-rate"><span>描述 4.8</span><span>服务 4.9</span></div>`;

  it('reads a 淘宝 listing as one product: no 【tag】 or keyword tail, at the shop’s price, not after a coupon', () => {
    const html = `<!DOCTYPE html>
<!-- saved from url=(0050)https://item.taobao.com/item.htm?id=600000000001 -->
<html><head><meta charset="utf-8"><title>【山里人家】手工红薯粉条2.5kg*2包 东北炖菜粉 包邮-淘宝网</title></head><body>${chrome}
<h1>【山里人家】手工红薯粉条2.5kg*2包 东北炖菜粉 包邮</h1>
<ul><li><span>价格</span> <del>¥59.00</del></li><li><span>淘宝价</span> <em>¥</em><strong>39.90</strong></li>
<li><span>券后</span> <strong>¥35.90</strong></li><li><span>月销量</span> <strong>500+</strong></li></ul>
<div><a>立即购买</a> <a>加入购物车</a></div>
<div><h3>看了又看</h3><ul><li>宽粉条 ¥19.80</li><li>土豆粉 ¥9.90</li></ul></div>
<div class="footer">© 2003-2026 Taobao.com 版权所有</div></body></html>`;
    const items = products(fromPage(html).columns);
    expect(items.map(itemTitle)).toEqual(['手工红薯粉条2.5kg*2包']);
    expect(fen(items[0])).toBe(3990);
  });

  it('reads a 1688 options table as one product per option, a ¥1.00 stand-in for a custom option as 面议, and the contact card', () => {
    const html = `<!DOCTYPE html><html><head><title>厂家直销 不锈钢工作台 操作台 可定做 - 阿里巴巴</title></head><body>${chrome}
<h1>厂家直销 不锈钢工作台 操作台 可定做</h1>
<div><span>成交 120 件</span> <span>评价 35 条</span></div>
<table><thead><tr><th>规格</th><th>价格</th><th>库存</th></tr></thead><tbody>
<tr><td>单层工作台 1200×600mm</td><td>¥320.00</td><td>500件可售</td></tr>
<tr><td>双层工作台 1500×700mm</td><td>¥460.00</td><td>300件可售</td></tr>
<tr><td>来图定做（尺寸不同价格不同，请先咨询）</td><td>¥1.00</td><td>9999件可售</td></tr>
</tbody></table>
<div><a>立即订购</a> <a>加入进货单</a></div>
<div><h3>联系方式</h3><p>某某厨具有限公司</p><p>钱女士（业务经理）</p><p>移动电话：13912345678</p></div>
<div class="footer">1688.com 版权所有</div></body></html>`;
    const result = fromPage(html);
    const items = products(result.columns);
    expect(items.map(itemTitle)).toEqual(['单层工作台 1200×600mm', '双层工作台 1500×700mm', '来图定做']);
    expect(items.map((p) => p.price?.kind)).toEqual(['amount', 'amount', 'negotiable']);
    const card = readWebPage(html, '宝贝.htm').blocks.map((b) => (b.type === 'paragraph' ? runsText(b.runs) : ''));
    expect(card).toEqual(expect.arrayContaining(['联系人：钱女士', '移动电话：13912345678']));
    expect(card.join('')).not.toMatch(/成交|评价|版权/);
  });

  it('leaves an ordinary web page with a buy word alone', () => {
    const html = `<html><head><title>公司简介</title></head><body><h1>公司简介</h1><p>欢迎立即购买我们的产品。</p></body></html>`;
    expect(readWebPage(html, 'a.htm').blocks.some((b) => b.type === 'heading')).toBe(true);
  });
});

describe('a 京东 item page without a title heading', () => {
  it('names the listing by the page title without its tags and site name, priced by 京东价', () => {
    const html = `<html><head><title>山核桃仁500g罐装 临安特产【行情 报价 价格 评测】-京东</title></head><body>
<h1>京东</h1><div class="sku-name">山核桃仁500g罐装 临安特产</div>
<ul><li>京东价 ￥89.00</li><li>到手价 ￥79.00</li></ul><a>加入购物车</a>
<div>商品评价 2000+</div></body></html>`;
    const items = products(structureDocument(readWebPage(html, 'jd.htm').blocks, 'jd.htm', env, { today: TODAY }).columns);
    expect(items.map(itemTitle)).toEqual(['山核桃仁500g罐装']);
    expect(fen(items[0])).toBe(8900);
  });
});

describe('the customer’s own shorter name on a price list', () => {
  it('takes the name opening a price list’s title when it abbreviates the registered short name', () => {
    const para = (text: string) => ({ type: 'paragraph' as const, runs: [{ text }] });
    expect(abbreviates('华丰机械', '华丰农业机械')).toBe(true);
    expect(abbreviates('丰华机械', '华丰农业机械')).toBe(false);
    expect(abbreviates('华丰农机', '华丰农业机械')).toBe(false);
    expect(ownNameInTitleLine([para('华丰机械 出厂价格表（2026年3月）')], ['某市华丰农业机械有限公司', '华丰农业机械'])).toBe('华丰机械');
    expect(ownNameInTitleLine([para('华丰机械 企业简介')], ['华丰农业机械'])).toBeUndefined();
    const fromSheet = structureDocument(
      sheetBlocks([
        {
          name: 'Sheet1',
          rows: [
            ['华丰机械 价目表', '', ''],
            ['品名', '规格', '单价'],
            ['旋耕机', '1.8米', '3200'],
          ],
        },
      ]),
      '价目.xlsx',
      env,
      { today: TODAY, names: ['某市华丰农业机械有限公司', '华丰农业机械'] },
    );
    expect(fromSheet.title).toBe('华丰机械');
  });
});
