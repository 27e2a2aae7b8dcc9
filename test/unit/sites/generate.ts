/** Deterministic generated sites for the compiler's tests: many items, long texts, many images. */
import { createHash } from 'node:crypto';
import { estimatedAssets, type AssetResolver } from '../../../shared/sites/assets';
import { exampleSite, EXAMPLE_IMAGE_SIZES } from '../../../shared/sites/example';
import type { Block, Column, ImageRef, Item, SiteContent } from '../../../shared/sites/model';
import type { CompileResult } from '../../../shared/sites/compile';

/** A small deterministic PRNG (mulberry32): the same seed gives the same site. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PHRASES = [
  '泉城茶业坚持好水配好茶的理念',
  '产品通过有机认证',
  '欢迎企业团购',
  'Fresh spring tea, hand-picked before Qingming',
  '每年约20吨',
  '量大从优，价格面议',
  '门店地址：泉城路188号',
  '🍵 茶香四溢',
  'internationalization-and-localization',
  '𠀀𠀁 (CJK Ext-B)',
];

export const sha = (n: number): string => n.toString(16).padStart(8, '0').repeat(8);

export interface GeneratedSite {
  site: SiteContent;
  assets: AssetResolver;
}

/** `items` items over products/news/jobs/supply/staff; every tenth item has a long body with lists and tables. */
export function generatedSite(items = 1000, seed = 42): GeneratedSite {
  const random = rng(seed);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const sentence = (words: number) => Array.from({ length: words }, () => pick(PHRASES)).join('，') + '。';
  const imageCount = 200;
  const sizes: Record<string, { width: number; height: number }> = { ...EXAMPLE_IMAGE_SIZES };
  for (let i = 0; i < imageCount; i++)
    sizes[sha(i)] = { width: 800 + Math.floor(random() * 3200), height: 600 + Math.floor(random() * 2400) };
  const image = (): ImageRef => {
    const n = Math.floor(random() * imageCount);
    return { sha256: sha(n), alt: `图片${n}`, fileName: `photo-${n}.jpg` };
  };
  const body = (long: boolean): Block[] => {
    if (!long) return [{ type: 'paragraph', runs: [{ text: sentence(4) }] }];
    return [
      { type: 'heading', level: 2, runs: [{ text: '详细介绍' }] },
      ...Array.from({ length: 12 }, (): Block => ({
        type: 'paragraph',
        runs: [
          { text: sentence(20) },
          { text: ' 重点', strong: true },
          { text: '说明', em: true, href: 'https://example.com/a?b=1&c=$2' },
          { text: sentence(8) },
        ],
      })),
      { type: 'heading', level: 4, runs: [{ text: '规格表' }] },
      {
        type: 'table',
        header: true,
        rows: [
          [[{ text: '名称' }], [{ text: '规格' }], [{ text: '价格' }]],
          ...Array.from({ length: 30 }, (_, i) => [[{ text: `品名${i}` }], [{ text: `${i * 50}克` }], [{ text: `${i * 10}元` }]]),
        ],
      },
      {
        type: 'list',
        ordered: true,
        items: Array.from({ length: 25 }, (_, i) => ({
          runs: [{ text: `${sentence(2)}${i}` }],
          children: i % 5 === 0 ? [{ runs: [{ text: '子项' }] }] : undefined,
        })),
      },
      { type: 'image', image: image(), caption: '现场照片' },
      { type: 'paragraph', runs: [{ text: 'x'.repeat(3000) }] },
      { type: 'paragraph', runs: [{ text: '😀'.repeat(800) }] },
    ];
  };
  const kinds: [Column['type'], number][] = [
    ['products', 0.4],
    ['news', 0.3],
    ['jobs', 0.1],
    ['supply', 0.15],
    ['staff', 0.05],
  ];
  const site = exampleSite();
  const byType = new Map(site.columns.map((c) => [c.type, c]));
  byType.set('staff', {
    id: 'staff',
    type: 'staff',
    title: '员工名片',
    order: 8,
    channels: { web: true, wap2: true, wap1: true, sms: false },
    body: [],
    items: [],
  });
  site.columns = [...byType.values()];
  for (const column of site.columns) column.items = [];
  let n = 0;
  for (const [type, share] of kinds) {
    const column = byType.get(type)!;
    const count = Math.round(items * share);
    for (let i = 0; i < count; i++, n++) {
      const id = `g${n}`;
      const long = n % 10 === 0;
      let item: Item;
      if (type === 'products')
        item = {
          kind: 'product',
          id,
          name: `产品${n} ${pick(PHRASES).slice(0, 12)}`,
          category: pick(['绿茶', '红茶', '乌龙']),
          price: n % 7 === 0 ? { kind: 'negotiable' } : { kind: 'amount', fen: 1000 + n * 137 },
          spec: `${n}克/盒`,
          description: body(long),
          images: Array.from({ length: 1 + (n % 3) }, image),
        };
      else if (type === 'news')
        item = {
          kind: 'article',
          id,
          title: `新闻${n}：${sentence(1)}`,
          date: `2026-0${1 + (n % 9)}-1${n % 10}`,
          summary: sentence(2).slice(0, 100),
          body: body(long),
          images: n % 4 === 0 ? [image()] : [],
        };
      else if (type === 'jobs')
        item = {
          kind: 'job',
          id,
          title: `职位${n}`,
          headcount: 1 + (n % 5),
          requirements: body(long),
          pay: '月薪5000-8000元',
          deadline: '2026-12-31',
        };
      else if (type === 'supply')
        item = {
          kind: 'post',
          id,
          postKind: n % 2 ? 'supply' : 'demand',
          title: `供求${n} ${sentence(1).slice(0, 20)}`,
          text: body(long),
          validUntil: '2027-01-31',
        };
      else
        item = {
          kind: 'staff',
          id,
          name: `员工${n}`,
          title: '销售经理',
          mobile: `1380531${String(n).padStart(4, '0')}`,
          shortNumber: `6${String(n).padStart(5, '0')}`,
          photo: image(),
        };
      column.items.push(item);
    }
  }
  byType.get('intro')!.body = body(true);
  return { site, assets: estimatedAssets(sizes) };
}

export function exampleBuild(): GeneratedSite {
  return { site: exampleSite(), assets: estimatedAssets(EXAMPLE_IMAGE_SIZES) };
}

/** One hash over a compile's files, assets and report: equal hashes, byte-identical output. */
export function outputHash(result: CompileResult): string {
  const hash = createHash('sha256');
  for (const f of result.files)
    hash
      .update(`${f.path}\n${f.mime}\n${f.channel}\n`)
      .update(typeof f.content === 'string' ? f.content : Buffer.from(f.content))
      .update('\n');
  return hash.update(JSON.stringify(result.assets)).update(JSON.stringify(result.report)).digest('hex');
}

/** The example site with hostile text in its name, the intro column's title and a news article (title and a long body). */
export function hostileSite(): SiteContent {
  const site = exampleSite();
  const nasty = 'A&B <b>"引号"</b> \u0001\u0085 $(x) $5 \uD800 孤 \uDC00 𠀀🍵 \t\n end';
  const body: Block[] = [{ type: 'paragraph', runs: [{ text: nasty.repeat(60) }, { text: ` ${nasty}`, strong: true }] }];
  const columns = site.columns.map((c) => {
    if (c.id === 'intro') return { ...c, title: `简介${nasty}`.slice(0, 40) };
    if (c.id !== 'news') return c;
    return { ...c, items: c.items.map((item, j) => (j === 0 ? { ...item, title: `新闻${nasty}`.slice(0, 60), body } : item)) };
  });
  return { ...site, profile: { ...site.profile, name: `泉城${nasty}`.slice(0, 30) }, columns } as SiteContent;
}
