/**
 * Text written in Markdown (issue 9, held-out round 16): an AI chatbot's answer pasted into a note or into
 * Word one line a paragraph is read as a Word file would be — headings, tables, lists, the marks removed,
 * the bot's chatter left out. The text is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { parseContact } from '../../../electron/backend/domains/intake/contact';
import { isMarkdown, markdownBlocks, markdownParagraphs } from '../../../electron/backend/domains/intake/markdown';
import { readDocument } from '../../../electron/backend/domains/intake/readFile';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import { readTable, rowFields } from '../../../electron/backend/domains/intake/tables';
import { itemTitle, runsText, type Column } from '../../../shared/sites/model';
import { buildDocx } from '../../fixtures/materials/make/docx';

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const TODAY = '2026-12-01';
const titles = (columns: Column[], type: string) => columns.filter((c) => c.type === type).flatMap((c) => c.items.map(itemTitle));

const ANSWER = [
  '当然可以！以下是为您的洗车店整理的网站文案：',
  '',
  '---',
  '',
  '# 清风洗车行',
  '',
  '## ✨ 店铺简介',
  '',
  '清风洗车行开业于2019年，专注**精洗、打蜡、内饰清洁**。',
  '',
  '## 🚗 服务价格',
  '',
  '| 服务类型 | 价格 | 说明 |',
  '|---|---|---|',
  '| 普通洗车（轿车） | 30元/次 | 外观冲洗 |',
  '| 精洗（SUV，七座） | 60元/次 | 含轮毂 |',
  '| 打蜡 | 150元起 | |',
  '',
  '## 🧴 养护用品',
  '',
  '- **玻璃水**：15元/桶',
  '- **车蜡**：80元/盒',
  '',
  '## 📣 最新活动',
  '',
  '> **开业五周年**：2026年12月10日起，办卡充300送60！',
  '',
  '## 🤝 招聘',
  '',
  '- **洗车工** 3名，月薪4000元，包住',
  '',
  '## 📞 联系方式',
  '',
  '- **地址**：某市某区光明路18号',
  '- **电话**：0531-5550123',
  '- **手机**：13912340000（刘老板）',
  '',
  '---',
  '',
  '希望这份文案对您有所帮助！如需修改风格，请随时告诉我。',
];

describe('recognising Markdown', () => {
  it('takes several kinds of marks for Markdown, not one stray star or a dash list', () => {
    expect(isMarkdown(ANSWER)).toBe(true);
    expect(isMarkdown(['# 关于我们', '- **地址**：某路1号'])).toBe(true);
    expect(isMarkdown(['价格表', '- 洗车 30元', '- 打蜡 150元', '* 节假日不休'])).toBe(false);
    expect(isMarkdown(['新品**特价**', '欢迎选购'])).toBe(false);
    expect(isMarkdown(['#话题# 今天上新', '---', '- 毛衣 99元'])).toBe(false);
  });
});

describe("a chatbot's Markdown answer in a note", () => {
  const blocks = markdownBlocks(ANSWER.join('\n'));
  const texts = blocks.map((b) => (b.type === 'paragraph' || b.type === 'heading' ? runsText(b.runs) : b.type));

  it("gives headings, a table and lists with the marks removed, and leaves out the bot's chatter", () => {
    expect(blocks[0]).toMatchObject({ type: 'heading', level: 1, runs: [{ text: '清风洗车行' }] });
    expect(texts).toContain('清风洗车行开业于2019年，专注精洗、打蜡、内饰清洁。');
    expect(blocks.some((b) => b.type === 'table')).toBe(true);
    expect(texts.join('\n')).not.toMatch(/\*\*|^#|以下是|希望这份文案|随时告诉我/m);
    expect(texts).toContain('店铺简介');
  });

  it('gives the table rows, the bullets, the quote and the job as items, and the bullets as contact', () => {
    const material = structureDocument(blocks, '文案.txt', env, { today: TODAY });
    expect(titles(material.columns, 'products')).toEqual(['普通洗车（轿车）', '精洗（SUV，七座）', '打蜡', '玻璃水', '车蜡']);
    expect(titles(material.columns, 'news')).toEqual(['开业五周年']);
    expect(titles(material.columns, 'jobs')).toEqual(['洗车工']);
    const contact = parseContact(material.contactLines);
    expect(contact?.address).toBe('某市某区光明路18号');
    expect(contact?.phones.map((p) => p.number)).toEqual(['0531-5550123', '13912340000']);
  });

  it('is read so from a .txt file', async () => {
    const bytes = new TextEncoder().encode(ANSWER.join('\n'));
    const output = await readDocument({ kind: 'text', file: '文案.txt', bytes, dataDir: '/nonexistent', today: TODAY });
    const { columns } = output.documents[0]!.material;
    expect(titles(columns, 'products')).toContain('玻璃水');
    expect(titles(columns, 'products')).not.toContain('**玻璃水**');
  });
});

describe('an answer that heads its sections with bold lines instead of #', () => {
  it('takes a short line bold throughout for a heading, numbered bold bullets for items', () => {
    const text = [
      '好的，这是为您准备的文案：',
      '',
      '**一、服务价格**',
      '',
      '1. **空调清洗**：80元/台',
      '2. **油烟机清洗**：120元起',
      '',
      '**二、联系方式**',
      '',
      '* 地址：某县和平街3号',
      '* 电话：0531-5550999',
    ];
    expect(isMarkdown(text)).toBe(true);
    const blocks = markdownBlocks(text.join('\n'));
    expect(blocks[0]).toMatchObject({ type: 'heading', runs: [{ text: '一、服务价格' }], look: true });
    const material = structureDocument(blocks, '文案.txt', env, { today: TODAY });
    expect(titles(material.columns, 'products')).toEqual(['空调清洗', '油烟机清洗']);
    expect(material.contactLines).toEqual(['地址：某县和平街3号', '电话：0531-5550999']);
  });

  it('keeps a last line that speaks to the visitors, not to the writer', () => {
    const blocks = markdownBlocks(['# 价格', '', '- **洗车**：30元', '', '如需预约，请提前致电我们。'].join('\n'));
    expect(blocks.at(-1)).toMatchObject({ type: 'paragraph', runs: [{ text: '如需预约，请提前致电我们。' }] });
  });
});

describe("a chatbot's Markdown answer pasted into Word one line a paragraph", () => {
  it('is read as the same Markdown: the table rows stay together, a dated bold line is news', async () => {
    const lines = [
      '# 宏达水泵维修',
      '## 维修价格',
      '| 项目 | 价格 |',
      '|------|------|',
      '| 潜水泵维修 | 120元起 |',
      '| 更换密封圈 | 40元/套 |',
      '## 最新动态',
      '**2026年11月15日**：本店新到一批进口轴承。',
      '## 联系我们',
      '- **地址**：某县工业路6号',
      '- **电话**：0533-5550111',
      '---',
      '希望以上内容对您有帮助！',
    ];
    const docx = buildDocx(lines.map((p) => ({ p })));
    const output = await readDocument({ kind: 'docx', file: '文案.docx', bytes: docx, dataDir: '/nonexistent', today: TODAY });
    const { columns, contactLines } = output.documents[0]!.material;
    expect(titles(columns, 'products')).toEqual(['潜水泵维修', '更换密封圈']);
    expect(titles(columns, 'news')).toEqual(['本店新到一批进口轴承']);
    expect(contactLines).toEqual(['地址：某县工业路6号', '电话：0533-5550111']);
  });
});

describe('a table whose first column is a 类型 with a different value on every row', () => {
  it('names the rows by it, a comma inside the brackets of a name included', () => {
    const reading = readTable(
      [
        ['房间类型', '价格', '说明'],
        ['标准间', '168元/晚', '含早'],
        ['家庭房（两大一小，含早）', '268元/晚', ''],
      ],
      1,
      true,
    );
    expect(reading.rows.map((row) => rowFields(reading, row)?.name)).toEqual(['标准间', '家庭房（两大一小，含早）']);
  });

  it('still takes a 类型 column that groups rows for a category', () => {
    const reading = readTable(
      [
        ['类型', '品名', '价格'],
        ['茶叶', '龙井', '38元'],
        ['茶叶', '碧螺春', '32元'],
      ],
      1,
      true,
    );
    expect(reading.columns.map((c) => c.role)).toEqual(['category', 'name', 'price']);
  });
});

describe('a chatbot\'s answer in Word whose "- " lines Word made a list', () => {
  it('reads the list items with the lines around them, marks removed', () => {
    const blocks = markdownParagraphs([
      { type: 'paragraph', runs: [{ text: '## 🛠️ 服务项目' }] },
      {
        type: 'list',
        ordered: false,
        items: [{ runs: [{ text: '**清洗油烟机**：120元/台' }] }, { runs: [{ text: '**疏通下水道**：80元起' }] }],
      },
      { type: 'paragraph', runs: [{ text: '1. **上门费**：免费' }] },
      { type: 'paragraph', runs: [{ text: '2. **保修**：三个月' }] },
    ]);
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'list', 'list']);
    expect(blocks[0]).toMatchObject({ runs: [{ text: '服务项目' }] });
    expect(blocks[1]).toMatchObject({ items: [{ runs: [{ text: '清洗油烟机', strong: true }, { text: '：120元/台' }] }, {}] });
    expect(blocks[2]).toMatchObject({ ordered: true, items: [{}, {}] });
  });
});

describe('Markdown lines without blank lines between them (a note, an old Word or RTF file)', () => {
  it('keeps a line after a quote or a bullet apart from it', async () => {
    const text = [
      '# 价格',
      '- **补胎**：20元/次',
      '> **提示**：夜间加收10元',
      '## 联系我们',
      '- **电话**：0531-5550777',
      '营业时间：8:00-20:00',
    ].join('\n');
    const output = await readDocument({
      kind: 'text',
      file: '文案.txt',
      bytes: new TextEncoder().encode(text),
      dataDir: '/nonexistent',
      today: TODAY,
    });
    const { columns, contactLines } = output.documents[0]!.material;
    expect(titles(columns, 'products')).toEqual(['补胎']);
    expect(contactLines).toContain('电话：0531-5550777');
    expect(contactLines).toContain('营业时间：8:00-20:00');
  });
});
