/**
 * Shapes the held-out round 22 (typical customers' material) showed the importer misread (issue 9): add-ons priced
 * each, a deposit asked on booking, a catch-all heading over one line, the short name with a place put in as a menu's
 * title, jobs led by 另：, positions joined by 、, pay by stage, 用工 as a heading, a ball pit as a place, the photo of
 * the thing rather than of the work on it, a Cantonese 伍生. The text is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { parseContact } from '../../../electron/backend/domains/intake/contact';
import { matchColumnKeyword } from '../../../electron/backend/domains/intake/keywords';
import { jobLine, productLine } from '../../../electron/backend/domains/intake/lineItems';
import { linesToBlocks, textLines } from '../../../electron/backend/domains/intake/lines';
import { isPlaceName, matchPhoto } from '../../../electron/backend/domains/intake/photos';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import type { SourceBlock } from '../../../electron/backend/domains/intake/htmlToBlocks';
import { paragraph, type Column } from '../../../shared/sites/model';
import { env, itemTitles, listColumn, namedProduct, structuredText, TODAY } from '../../helpers/structuredText';

const products = (columns: Column[]) => columns.filter((c) => c.type === 'products').flatMap((c) => itemTitles(c) ?? []);

describe('a menu board’s notes', () => {
  it('takes no add-on priced for each, nor one added on, for a dish', () => {
    expect(productLine('豆皮、木耳各3元')).toBeUndefined();
    expect(productLine('鸡腿加6元')).toBeUndefined();
    const material = structuredText(
      ['价目表', '酸菜鱼　　38元', '水煮肉片　　32元', '配菜：豆皮、木耳各3元，鸡腿加6元'].join('\n'),
      '价目表.txt',
    );
    expect(products(material.columns)).toEqual(['酸菜鱼', '水煮肉片']);
  });

  it('takes no deposit asked on booking for an item', () => {
    expect(productLine('提前2天预订，订金100元')).toBeUndefined();
    expect(productLine('包场押金500元')).toBeUndefined();
    expect(productLine('生日派对套餐　588元')?.name).toBe('生日派对套餐');
  });

  it('lists the one line under a catch-all heading (其他) as an item of that group, not an item named 其他', () => {
    const heading = (level: number, text: string): SourceBlock => ({ type: 'heading', level, runs: [{ text }] });
    const blocks: SourceBlock[] = [
      heading(1, '收费标准'),
      heading(2, '一、洗衣机'),
      paragraph('滚筒洗衣机清洗　　80元/台'),
      paragraph('波轮洗衣机清洗　　60元/台'),
      heading(2, '二、其他'),
      paragraph('冰箱除味　　面议'),
      paragraph('上门范围：城区免路费。'),
    ];
    const listed = products(structureDocument(blocks, '收费标准.docx', env, { today: TODAY }).columns);
    expect(listed).toContain('冰箱除味');
    expect(listed).not.toContain('其他');
  });

  it('takes the short name with the place of its style put in ("王记潮汕牛肉火锅") for the title, not a category', () => {
    const material = structureDocument(
      linesToBlocks(textLines(['王记潮汕牛肉火锅', '', '鲜切牛肉　　58元', '牛筋丸　　28元'].join('\n'))),
      'IMG_1.jpg',
      env,
      {
        today: TODAY,
        names: ['汕头市王记牛肉火锅店', '王记牛肉火锅'],
      },
    );
    const items = material.columns.flatMap((c) => c.items);
    expect(items.map((i) => (i.kind === 'product' ? i.name : ''))).toEqual(['鲜切牛肉', '牛筋丸']);
    expect(items.map((i) => (i.kind === 'product' ? i.category : 'x'))).toEqual([undefined, undefined]);
  });
});

describe('jobs', () => {
  it('reads a hire led by 另： with the pay of each stage', () => {
    const job = jobLine('另：厂里招学徒2名，20-35岁，肯学，管住，学徒期2200，出师后3800+');
    expect(job?.title).toBe('学徒');
    expect(job?.headcount).toBe(2);
    expect(job?.pay).toBe('学徒期2200，出师后3800+');
  });

  it('keeps positions joined by 、 in one title, but not several positions a headcount each', () => {
    expect(jobLine('招包装、打包工人12名，计件工资，一天120元左右。')).toMatchObject({ title: '包装、打包工人', headcount: 12 });
    expect(jobLine('会计、出纳各1名')).toBeUndefined();
  });

  it('takes 用工 for a jobs heading only as a whole heading', () => {
    expect(matchColumnKeyword('用工')?.type).toBe('jobs');
    expect(matchColumnKeyword('用工信息')?.type).toBe('jobs');
    expect(matchColumnKeyword('灵活用工服务')?.type).not.toBe('jobs');
  });
});

describe('photos and the contact', () => {
  it('takes a pit or pool for a place, not a battery', () => {
    expect(isPlaceName('沙池.jpg')).toBe(true);
    expect(isPlaceName('海洋球池.jpg')).toBe(true);
    expect(isPlaceName('锂电池.jpg')).toBe(false);
  });

  it('gives the photo of a thing to the item that is one, not to the work done on it', () => {
    const column = listColumn('products', [namedProduct('打印机维修保养', 'p0'), namedProduct('激光打印机', 'p1')]);
    const found = matchPhoto('打印机.jpg', [column]);
    expect(found.kind === 'item' && found.item.id).toBe('p1');
  });

  it('takes 陈生 beside a note on the number for the person, not 招生', () => {
    expect(parseContact(['热线：0750-5561234 / 13702661234（陈生，微信同号）'])?.person).toBe('陈生');
    expect(parseContact(['手机：13702661234（招生，微信同号）'])?.person).toBeUndefined();
  });
});
