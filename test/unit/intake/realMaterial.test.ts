/**
 * Structuring material written the way customers write it, rule by rule: tables with and without
 * header, items written as lines or as labelled records, headings by look, dates without a year,
 * contact blocks with several fields per line. (The corpus test measures the whole on real folders.)
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { convertDocx } from '../../../electron/backend/domains/intake/docx';
import { parseContact } from '../../../electron/backend/domains/intake/contact';
import { findAnyDate } from '../../../electron/backend/domains/intake/dates';
import { matchColumnKeyword } from '../../../electron/backend/domains/intake/keywords';
import { jobLine, postLine, productLine } from '../../../electron/backend/domains/intake/lineItems';
import { isPlaceName, matchPhoto } from '../../../electron/backend/domains/intake/photos';
import { linesToBlocks } from '../../../electron/backend/domains/intake/lines';
import { structureDocument, textToBlocks } from '../../../electron/backend/domains/intake/structure';
import { readTable, rowFields } from '../../../electron/backend/domains/intake/tables';
import { ocrRows } from '../../../electron/backend/infra/ocr/layout';
import { formatPrice, itemTitle, type Column } from '../../../shared/sites/model';
import { buildDocx, type Part } from '../../fixtures/materials/make/docx';

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const TODAY = '2026-11-16';
const structure = (lines: string[], source = 'a.txt') => structureDocument(textToBlocks(lines), source, env, { today: TODAY });
const items = (columns: Column[], type: string) => columns.find((c) => c.type === type)?.items ?? [];

describe('tables become items', () => {
  it('maps a header row by its words: name and model together, the price with the unit of its column', () => {
    const reading = readTable([
      ['序号', '品名', '型号', '规格(mm)', '单位', '零售价', '备注'],
      ['1', '通体抛光砖', 'JD-8801', '800×800', '片', '65', ''],
      ['2', '合计', '', '', '', '', ''],
    ]);
    expect(reading.columns.map((c) => c.role)).toEqual(['index', 'name', 'model', 'spec', 'unit', 'price', 'description']);
    expect(rowFields(reading, reading.rows[0]!)).toMatchObject({
      name: '通体抛光砖',
      model: 'JD-8801',
      spec: '800×800',
      price: { kind: 'amount', fen: 6500, unit: '片' },
    });
    expect(rowFields(reading, reading.rows[1]!)).toBeUndefined(); // a totals row is not an item
  });

  it('reads a table without header by what its columns hold', () => {
    const reading = readTable([
      ['济南—上海', '整车', '3800元/车'],
      ['济南—广州', '整车', '6500元/车'],
      ['济南—北京', '整车', '2600元/车'],
    ]);
    expect(reading.hasHeader).toBe(false);
    expect(reading.columns.map((c) => c.role)).toEqual(['name', 'spec', 'price']);
  });

  it('takes a header it does not know when the column under it is all prices', () => {
    const reading = readTable([
      ['花名', '价格'],
      ['红玫瑰', '¥299'],
      ['向日葵', '¥168'],
    ]);
    expect(reading.hasHeader).toBe(true);
    expect(reading.rows).toHaveLength(2);
  });

  it('reads a group header over two price columns, takes the price the public pays, and skips the note under the table', () => {
    const reading = readTable(
      [
        ['产品名称', '型号', '价格', ''],
        ['', '', '出厂价', '零售价'],
        ['拖拉机', 'SF-504', '5.8万', '6.3万'],
        ['以上价格含税，运费另计。', '', '', ''],
      ],
      10,
    );
    expect(reading.columns.map((c) => c.role)).toEqual(['name', 'model', 'description', 'price']);
    expect(rowFields(reading, reading.rows[0]!)?.price).toEqual({ kind: 'amount', fen: 6_300_000 });
    expect(rowFields(reading, reading.rows[1]!)).toBeUndefined();
  });

  it('turns a jobs table into jobs with headcount, pay and requirements', () => {
    const doc = [
      { type: 'heading' as const, level: 1, runs: [{ text: '人才招聘' }] },
      {
        type: 'table' as const,
        header: true,
        rows: [
          ['职位', '人数', '要求', '待遇'],
          ['焊工', '3人', '持证上岗', '月薪7000元'],
          ['质检员', '若干', '细心', '面议'],
        ].map((r) => r.map((text) => [{ text }])),
      },
    ];
    const jobs = items(structureDocument(doc, 'a.docx', env).columns, 'jobs');
    expect(jobs.map((j) => (j.kind === 'job' ? [j.title, j.headcount, j.pay] : []))).toEqual([
      ['焊工', 3, '月薪7000元'],
      ['质检员', undefined, '面议'],
    ]);
  });
});

describe('items written as lines', () => {
  it.each([
    ['招牌红烧肉 68元/份', '招牌红烧肉', '68元/份'],
    ['小保养（机油+机滤）：180元起', '小保养（机油+机滤）', '180元起'],
    ['1. 西湖龙井（特级）￥680/斤', '西湖龙井（特级）', '680元/斤'],
    ['金牌月嫂（26天）  12800元', '金牌月嫂（26天）', '12800元'],
    ['糖醋鲤鱼 时价', '糖醋鲤鱼', '时价'],
    ['数控车床 16.8万元', '数控车床', '168000元'],
  ])('product %s', (line, name, price) => {
    const found = productLine(line)!;
    expect([found.name, formatPrice(found.price)]).toEqual([name, price]);
  });

  it.each(['价格：368元', '单价：65元', '公司主要产品有数控车床、数控铣床，欢迎来电咨询。'])('not a product: %s', (line) =>
    expect(productLine(line)).toBeUndefined(),
  );

  it('reads a fee list and names with a pack size, the size and a remark going to the spec', () => {
    expect(productLine('伙食费：300元/月')).toMatchObject({ name: '伙食费', price: { fen: 30_000, unit: '月' } });
    expect(productLine('校车接送：150元/月（自愿）')).toMatchObject({ name: '校车接送', spec: '自愿' });
    expect(productLine('维生素C片100片 12元')).toMatchObject({ name: '维生素C片', spec: '100片' });
  });

  it('reads jobs with and without headcount, and leaves sentences about hiring alone', () => {
    expect(jobLine('数控编程工程师 2名：机械类大专以上学历，月薪8000-12000元。')).toMatchObject({
      title: '数控编程工程师',
      headcount: 2,
      pay: '月薪8000-12000元',
    });
    expect(jobLine('服务员 若干名，包吃住，月薪4000元起。')).toMatchObject({ title: '服务员', pay: '月薪4000元起' });
    expect(jobLine('服务员 若干名，包吃住，月薪4000元起。')?.headcount).toBeUndefined();
    expect(jobLine('因公司业务发展需要，现诚聘以下人员：')).toBeUndefined();
    expect(jobLine('欢迎有志之士加入我们，待遇从优。')).toBeUndefined();
  });

  it('reads posts tagged in any of the usual ways, and untagged ones only in a 供求 column', () => {
    expect(postLine('出售：新鲜草莓约5000斤，现摘现发。')).toMatchObject({ postKind: 'supply', title: '新鲜草莓约5000斤' });
    expect(postLine('【求购】二手胶印机一台。')).toMatchObject({ postKind: 'demand', title: '二手胶印机一台' });
    expect(postLine('长期收购玉米秸秆，价格面议。')).toBeUndefined();
    expect(postLine('长期收购玉米秸秆，价格面议。', true)).toMatchObject({ postKind: 'demand', title: '长期收购玉米秸秆' });
  });

  it('reads a record written as labelled lines: a name label starts the item, the others fill it', () => {
    const { columns } = structure([
      '招聘信息',
      '职位：销售经理',
      '人数：2名',
      '要求：三年以上销售经验',
      '待遇：底薪4000元+提成',
      '职位：会计  人数：1名  待遇：面议',
    ]);
    expect(items(columns, 'jobs').map((j) => (j.kind === 'job' ? [j.title, j.headcount, j.pay] : []))).toEqual([
      ['销售经理', 2, '底薪4000元+提成'],
      ['会计', 1, '面议'],
    ]);
  });
});

describe('columns from text without heading styles', () => {
  it('finds headings by keyword, brackets and empty lines, and makes a priced 服务 list a products column', () => {
    const { columns, unsorted } = structure([
      '捷迅汽修',
      '',
      '【关于我们】',
      '一类汽车维修企业。',
      '',
      '【服务项目】',
      '四轮定位：80元/次',
      '钣金喷漆：面议',
      '',
      '本店须知',
      '先预约后到店。',
    ]);
    expect(columns.map((c) => [c.type, c.title])).toEqual([
      ['intro', '关于我们'],
      ['products', '服务项目'],
    ]);
    expect(items(columns, 'products').map(itemTitle)).toEqual(['四轮定位', '钣金喷漆']);
    // The shop's name on the first line, set apart, is a heading too: it names no column.
    expect(unsorted.map((u) => u.note)).toEqual([
      'No column keyword in the heading "捷迅汽修".',
      'No column keyword in the heading "本店须知".',
    ]);
  });

  it('uses the file name when no heading names a column, and says so', () => {
    const result = structureDocument(textToBlocks(['供应：CK6150数控车床现货5台。', '求购：铸铁件500吨。']), '资料/供求信息.txt', env, {
      fileColumn: { type: 'supply', keyword: '供求', from: '供求信息' },
    });
    expect(result.columns.map((c) => [c.type, c.items.length])).toEqual([['supply', 2]]);
    expect(result.guesses[0]).toMatchObject({ rule: 'column.file_name', params: { name: '供求信息' } });
  });

  it('knows a list of priced lines without any heading for what it is', () => {
    const result = structure(['凉拌海蜇 32元', '油爆双脆 48元', '把子肉 18元/块']);
    expect(result.columns.map((c) => [c.type, c.items.length])).toEqual([['products', 3]]);
    expect(result.guesses[0]!.rule).toBe('column.content');
  });

  it('marks everything read by OCR', () => {
    const result = structureDocument(textToBlocks(['价目表', '信封 45元', '台历 25元/本']), 'IMG_1.jpg', env, { ocr: true });
    expect(result.guesses.every((g) => g.params.ocr === 1 && g.message.endsWith('[read by OCR]'))).toBe(true);
  });
});

describe('signals that hold across writers', () => {
  it('takes a heading that names the enterprise for the document title, not a column or an item', () => {
    const result = structureDocument(textToBlocks(['同力五金机电', '', '新闻动态', '2026-05-01 新店开业。']), 'a.txt', env, {
      today: TODAY,
      names: ['淄博同力五金机电经营部', '同力五金机电'],
    });
    expect(result.columns.map((c) => [c.type, c.items.length])).toEqual([['news', 1]]);
    expect(result.unsorted.map((u) => u.note)).toEqual(["The document's title (the enterprise's name)."]);
  });

  it('sends a line tagged 招：/售： to the column of its kind, made if the document has none', () => {
    const result = structure([
      '最新消息',
      '2026-05-01 新店开业。',
      '招：送货司机2人（C照），月薪5500元。',
      '售：二手叉车一台，3吨，价格面议。',
    ]);
    expect(result.columns.map((c) => [c.type, c.items.map(itemTitle)])).toEqual([
      ['news', ['新店开业']],
      ['jobs', ['送货司机']],
      ['supply', ['二手叉车一台']],
    ]);
  });

  it('reads each paragraph of a news column without sub-headings as a notice, with a date found anywhere in it', () => {
    const result = structure(['店铺公告', '本周六（11月22日）店庆，全场八折。', '12月起每周一店休，请相互转告。']);
    expect(items(result.columns, 'news').map((a) => (a.kind === 'article' ? [a.title, a.date] : []))).toEqual([
      ['本周六（11月22日）店庆', '2026-11-22'],
      ['12月起每周一店休', '2026-12-01'],
    ]);
  });

  it('reads a date in brackets at the start of a line as standing apart', () => {
    const result = structure(['旅游资讯', '【2026-12-01】冬季冰雪游开始报名，老客户立减100元。']);
    expect(items(result.columns, 'news').map((a) => (a.kind === 'article' ? [a.title, a.date] : []))).toEqual([
      ['冬季冰雪游开始报名', '2026-12-01'],
    ]);
  });

  it("keeps an article code out of the name, and a shop system's 规格型号 as the spec", () => {
    const reading = readTable([
      ['商品编码', '商品名称', '规格型号', '计量单位', '销售价'],
      ['WJ0001', '内六角螺栓', 'M8×30', '盒', '26.5'],
    ]);
    expect(rowFields(reading, reading.rows[0]!)).toMatchObject({
      name: '内六角螺栓',
      spec: 'M8×30',
      price: { fen: 2650, unit: '盒' },
      details: ['商品编码：WJ0001'],
    });
  });

  it('reads an unlabelled line of a contact column: the address before the numbers, the mobile', () => {
    expect(parseContact(['大学路77号（理工大学南门对面） 订蛋糕请打 15866201234（微信同号）'])).toEqual({
      address: '大学路77号（理工大学南门对面）',
      phones: [{ label: '手机', number: '15866201234' }],
    });
  });
});

describe('Word documents without heading styles', () => {
  const docx = (parts: Part[]) =>
    convertDocx(buildDocx(parts), async () => undefined).then((r) => structureDocument(r.blocks, 'a.docx', env, { today: TODAY }));

  it('takes bold short lines for headings, a centred larger title above them, and a Word numbered list of jobs', async () => {
    const result = await docx([
      { p: '济南恒通物流有限公司', bold: true, size: 18, center: true },
      { p: '一、公司概况', bold: true },
      { p: '成立于2010年，自有车辆86台。' },
      { p: '二、招聘信息', bold: true },
      { p: '货车司机 5名，持A2驾照，月薪8000-10000元；', list: 'decimal' },
      { p: '调度员 1名，会使用电脑，月薪5000元；', list: 'decimal' },
    ]);
    expect(result.columns.map((c) => [c.type, c.title])).toEqual([
      ['intro', '公司概况'],
      ['jobs', '招聘信息'],
    ]);
    expect(items(result.columns, 'jobs').map((j) => (j.kind === 'job' ? [j.title, j.headcount] : []))).toEqual([
      ['货车司机', 5],
      ['调度员', 1],
    ]);
    expect(result.unsorted[0]!.note).toBe('No column keyword in the heading "济南恒通物流有限公司".');
  });

  it('reads bold product names under a bold section heading as products, not as sections', async () => {
    const result = await docx([
      { p: '产品介绍', bold: true },
      { p: '龙井茶', bold: true },
      { p: '价格：368元' },
      { p: '碧螺春', bold: true },
      { p: '价格：298元' },
      { p: '联系我们', bold: true },
      { p: '电话：0531-86001234' },
    ]);
    expect(items(result.columns, 'products').map((p) => (p.kind === 'product' ? [p.name, formatPrice(p.price)] : []))).toEqual([
      ['龙井茶', '368元'],
      ['碧螺春', '298元'],
    ]);
  });

  it('keeps a picture that follows a table row-by-row only when the table has a picture column', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#333' } })
      .png()
      .toBuffer();
    const stored: string[] = [];
    const { blocks } = await convertDocx(
      buildDocx([
        { p: '产品中心', bold: true },
        {
          header: true,
          table: [
            ['名称', '价格'],
            ['甲', '10元'],
            ['乙', '20元'],
          ],
        },
        { picture: png, ext: 'png' },
      ]),
      async () => {
        stored.push('x');
        return 'b'.repeat(64);
      },
    );
    const products = items(structureDocument(blocks, 'a.docx', env).columns, 'products');
    expect(products.map(itemTitle)).toEqual(['甲', '乙']);
    expect(products.flatMap((p) => (p.kind === 'product' ? p.images : []))).toHaveLength(1); // after the last item read, as in the document
  });
});

describe('dates, contact blocks and OCR rows', () => {
  it('gives a date without year the year of the file, or of today, and a month alone its first day', () => {
    expect(findAnyDate('8月15日起中秋团圆宴开始预订', [2025], TODAY)).toMatchObject({ iso: '2025-08-15', yearInferred: true });
    expect(findAnyDate('8月15日起中秋团圆宴开始预订', [], TODAY)).toMatchObject({ iso: '2026-08-15', yearInferred: true });
    // In November, "12月20日" without a year is still this year; in January it would be last year's.
    expect(findAnyDate('12月20日 年会', [], '2027-01-10')?.iso).toBe('2026-12-20');
    expect(findAnyDate('2026年3月 签约', [], TODAY)).toMatchObject({ iso: '2026-03-01', dayMissing: true, yearInferred: false });
  });

  it('splits a contact block with several fields per line and the mobile after the person', () => {
    expect(
      parseContact([
        '地址：济南市槐荫区经十西路18号，电话：0531-87651234，联系人：刘先生 13705311234',
        '邮编：250000  传真：0531-87651235',
      ]),
    ).toEqual({
      address: '济南市槐荫区经十西路18号',
      postcode: '250000',
      phones: [
        { label: '电话', number: '0531-87651234' },
        { label: '手机', number: '13705311234' },
        { label: '传真', number: '0531-87651235' },
      ],
      person: '刘先生',
    });
  });

  it('puts skewed OCR boxes of one printed line in one row, with wide gaps as cells', () => {
    const box = (x: number, y: number, w: number, tilt: number) =>
      [
        [x, y],
        [x + w, y + tilt],
        [x + w, y + tilt + 30],
        [x, y + 30],
      ] as [number, number][];
    const rows = ocrRows([
      { text: '清蒸鲈鱼', score: 0.99, box: box(100, 200, 120, 4) },
      { text: '时价', score: 0.98, box: box(500, 213, 60, 2) },
      { text: '把子肉', score: 0.97, box: box(100, 250, 90, 3) },
    ]);
    expect(rows.map((r) => (r.cells.length ? r.cells : r.text))).toEqual([['清蒸鲈鱼', '时价'], '把子肉']);
  });

  it('reads lines spaced into columns as a table, but not contact lines spaced the same way', () => {
    const blocks = linesToBlocks(
      ['少儿美术  每期16课时  学费1280元/期', '书法  每期16课时  学费980元/期', '地址：北京路36号  电话：0539-8123456'].map((text) => ({
        text,
      })),
    );
    expect(blocks.map((b) => b.type)).toEqual(['table', 'paragraph']);
  });
});

describe('signals the fourth blind round showed missing', () => {
  it('reads a leader between a name and its price, and keeps several prices of one item as written', () => {
    expect(productLine('犬猫疫苗接种——80元/针')).toEqual({ name: '犬猫疫苗接种', price: { kind: 'amount', fen: 8_000, unit: '针' } });
    expect(productLine('红烧肉……68元')).toMatchObject({ name: '红烧肉', price: { fen: 6_800 } });
    expect(productLine('洗澡美容——小型犬60元，大型犬120元起')).toEqual({ name: '洗澡美容', spec: '小型犬60元，大型犬120元起' });
    expect(productLine('我们的产品——欢迎选购')).toBeUndefined();
  });

  it('keeps the name of a fee with its amount, not in the item’s name', () => {
    expect(productLine('4. 打印机上门维修 上门费30元')).toEqual({
      name: '打印机上门维修',
      price: { kind: 'amount', fen: 3_000 },
      spec: '上门费',
    });
  });

  it('reads a job title with a licence class or Latin letters in it', () => {
    expect(jobLine('招聘C1教练员5名，要求驾龄8年以上，月薪6000-9000元。')).toMatchObject({
      title: 'C1教练员',
      headcount: 5,
      pay: '月薪6000-9000元',
    });
  });

  it('reads 回收 as asking and 承接 as offering, with 长期/常年 in front of any tag', () => {
    expect(postLine('回收：二手笔记本、台式机、服务器，现金结算。')).toMatchObject({
      postKind: 'demand',
      title: '二手笔记本、台式机、服务器',
    });
    expect(postLine('承接：外贸服装来料加工、贴牌加工。')).toMatchObject({ postKind: 'supply', title: '外贸服装来料加工、贴牌加工' });
    expect(postLine('长期收购：各类服装边角料，价格从优。')).toMatchObject({ postKind: 'demand', title: '各类服装边角料' });
  });

  it('reads contact fields split by |, labels without a colon before a number, a WeChat number, and a remark that is not a person', () => {
    expect(parseContact(['门店：临沂市兰山区通达路科技大厦1楼108室 | 电话 0539-8121234 | 手机 15165391234'])).toEqual({
      address: '临沂市兰山区通达路科技大厦1楼108室',
      phones: [
        { label: '电话', number: '0539-8121234' },
        { label: '手机', number: '15165391234' },
      ],
    });
    expect(parseContact(['报名热线：0536-8881234   微信：13953681234'])!.phones).toEqual([
      { label: '报名热线', number: '0536-8881234' },
      { label: '手机', number: '13953681234' },
    ]);
    expect(parseContact(['预订电话：0631-5661234 / 13963101234（微信同号）'])!.person).toBeUndefined();
  });

  it('reads a two-column table of labels and values as the contact block', () => {
    const { contactLines } = structureDocument(
      [
        { type: 'heading', level: 1, runs: [{ text: '联系我们' }] },
        {
          type: 'table',
          header: false,
          rows: [
            ['地址', '烟台市莱山区迎春大街156号'],
            ['电话', '0535-6781234'],
          ].map((row) => row.map((text) => [{ text }])),
        },
      ],
      'a.docx',
      env,
      { today: TODAY },
    );
    expect(parseContact(contactLines)).toMatchObject({ address: '烟台市莱山区迎春大街156号', phones: [{ number: '0535-6781234' }] });
  });

  it('takes "第一部分  关于海悦" for a numbered heading, not for two cells of a table', () => {
    const blocks = linesToBlocks(
      ['第一部分  关于海悦', '海悦民宿位于威海市环翠区海滨北路，推窗见海。', '第二部分  房型与价格'].map((text) => ({ text })),
    );
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'heading']);
  });

  it('knows headings about the business, its events and how to book', () => {
    expect(matchColumnKeyword('关于海悦')).toMatchObject({ type: 'intro' });
    expect(matchColumnKeyword('关于春节放假的通知')).toMatchObject({ type: 'news' });
    expect(matchColumnKeyword('近期活动')).toMatchObject({ type: 'news' });
    expect(matchColumnKeyword('预订方式')).toMatchObject({ type: 'contact' });
  });

  it('matches a photo named by part of a model, and takes views for photos of the place', () => {
    const columns: Column[] = [
      {
        id: 'c',
        type: 'products',
        title: '产品',
        order: 0,
        channels: { web: true, wap2: true, wap1: true, sms: true },
        body: [],
        items: [{ kind: 'product', id: 'p', name: '激光打印机 LaserJet M1136', model: 'LaserJet M1136', description: [], images: [] }],
      },
    ];
    expect(matchPhoto('M1136.jpg', columns)).toMatchObject({ kind: 'item', reason: 'model' });
    expect(isPlaceName('海边日落.jpg')).toBe(true);
  });
});
