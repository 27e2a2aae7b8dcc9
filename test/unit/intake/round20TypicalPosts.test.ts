/**
 * Shapes the held-out round 20 (typical customers' material) showed the importer misread (issue 9): dated slides after
 * a deck's price slide, a notice headed only by its kind (喜报), Moments posts whose headline is called out by emoji
 * or names its own day, a job paid per show, and a shop-type suffix in a short name. The text is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { jobLine, newsLine } from '../../../electron/backend/domains/intake/lineItems';
import { readPresentation } from '../../../electron/backend/domains/intake/presentation';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import { shortNameOf } from '../../../electron/backend/domains/sites/defaults';
import type { Column } from '../../../shared/sites/model';
import { buildPptx } from '../../fixtures/materials/make/office';
import { env, itemTitles, structuredText, TODAY } from '../../helpers/structuredText';

const dates = (column: Column | undefined) => column?.items.map((i) => (i.kind === 'article' ? i.date : undefined));

describe('an open-day deck with dated slides after its price slide', () => {
  it('makes the dated slides notices, titled by the slide or by the notice itself, not courses', async () => {
    const pptx = buildPptx([
      { title: '小树苗美术', subtitle: '用画笔认识世界' },
      { title: '课程价格', body: ['儿童创意画：5-8岁，40课时，2800元', '素描基础班：9-14岁，40课时，3200元'] },
      { title: '暑期写生营', body: ['2027年7月10日—7月20日开营，每天半天，每班限10人，6月30日前报名立减200元。'] },
      { title: '喜报', body: ['2026年10月，我校8名学员在全市少儿绘画比赛中获奖，其中金奖3名。'] },
      { title: '联系我们', body: ['电话：0531-66668888'] },
    ]);
    const blocks = await readPresentation(pptx, async () => undefined);
    const material = structureDocument(blocks, '招生介绍.pptx', env, { today: TODAY });
    expect(material.columns.filter((c) => c.type === 'products').flatMap((c) => itemTitles(c) ?? [])).toEqual(['儿童创意画', '素描基础班']);
    const news = material.columns.find((c) => c.type === 'news');
    expect(itemTitles(news)).toEqual(['暑期写生营', '我校8名学员在全市少儿绘画比赛中获奖']);
    expect(dates(news)).toEqual(['2027-07-10', '2026-10-01']);
  });

  it('keeps a dated slide after the introduction slide as part of it', async () => {
    const pptx = buildPptx([
      { title: '小树苗美术', subtitle: '用画笔认识世界' },
      { title: '关于我们', body: ['小树苗美术专注少儿绘画教学。'] },
      { title: '一路走来', body: ['2026年3月，第二家校区在城东开业，教室扩大到六间。'] },
      { title: '联系我们', body: ['电话：0531-66668888'] },
    ]);
    const material = structureDocument(await readPresentation(pptx, async () => undefined), '学校介绍.pptx', env, { today: TODAY });
    expect(material.columns.find((c) => c.type === 'news')).toBeUndefined();
    expect(JSON.stringify(material.columns.find((c) => c.type === 'intro')?.body)).toContain('第二家校区');
  });
});

describe('a Moments post pasted into a note', () => {
  it('titles the dated line by the headline above it that emoji call out', () => {
    const material = structuredText(
      [
        '老王烧饼新年特惠来啦🎉🎉',
        '12月31日、1月1日两天，烧饼买五送一！',
        '芝麻现炒，每天早上六点出炉～',
        '电话：13800001234（王哥）',
      ].join('\n'),
      '朋友圈.txt',
    );
    const news = material.columns.find((c) => c.type === 'news');
    expect(itemTitles(news)).toEqual(['老王烧饼新年特惠来啦']);
    expect(dates(news)).toEqual(['2026-12-31']);
  });

  it('leaves a plain name over a dated line alone', () => {
    const material = structuredText(['老王烧饼铺', '12月31日、1月1日两天，烧饼买五送一。'].join('\n'), '朋友圈.txt');
    expect(itemTitles(material.columns.find((c) => c.type === 'news')) ?? []).not.toContain('老王烧饼铺');
  });

  it('makes an exclaimed sentence that names its day a notice titled by it', () => {
    const line = newsLine('【星光桌游】新游戏《海底探险》12月18日到店！🎲 6人同玩，首周半价～', [], TODAY);
    expect(line?.title).toBe('新游戏《海底探险》12月18日到店');
    expect(line?.date.iso).toBe('2026-12-18');
    expect(newsLine('好的，我们12月18日过来！', [], TODAY)).toBeUndefined();
  });

  it('reads a pay per show or shift as the pay', () => {
    expect(jobLine('另招兼职主持人2名，周末能到岗，每场100元，有经验优先。')?.pay).toBe('每场100元');
    expect(jobLine('招夜班保安1名，身体健康，120元/班。')?.pay).toBe('120元/班');
  });
});

describe('short names', () => {
  const region = { province: '陕西省', city: '西安市', district: '雁塔区' };
  it.each([
    ['西安市雁塔区星河密室逃脱体验馆', '星河密室'],
    ['西安市雁塔区青禾陶艺体验馆', '青禾陶艺'],
  ])('%s → %s', (name, short) => expect(shortNameOf(name, region)).toBe(short));
});
