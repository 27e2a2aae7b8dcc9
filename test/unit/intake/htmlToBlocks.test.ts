import { describe, expect, it } from 'vitest';
import { htmlToBlocks, toModelBlocks } from '../../../electron/backend/domains/intake/htmlToBlocks';
import { sanitizeIntakeHtml } from '../../../electron/backend/domains/intake/sanitize';
import { plainText, richTextSchema } from '../../../shared/sites/model';

const SHA = 'c'.repeat(64);
const blocksOf = (html: string) => htmlToBlocks(sanitizeIntakeHtml(html));

describe('sanitized HTML becomes the block tree', () => {
  it('keeps headings, marks, links, lists and tables', () => {
    const blocks = blocksOf(
      '<h1>公司简介</h1><p>我们<strong>专注</strong>好茶，<em>始于2006</em>。<a href="https://example.cn/">官网</a></p>' +
        '<ul><li>龙井<ul><li>明前</li></ul></li><li>普洱</li></ul><ol><li>第一</li></ol>' +
        '<table><thead><tr><th><p>品名</p></th><th>价格</th></tr></thead><tbody><tr><td><p>龙井</p></td><td>368元</td></tr></tbody></table>',
    );
    expect(blocks).toEqual([
      { type: 'heading', level: 1, runs: [{ text: '公司简介' }] },
      {
        type: 'paragraph',
        runs: [
          { text: '我们' },
          { text: '专注', strong: true },
          { text: '好茶，' },
          { text: '始于2006', em: true },
          { text: '。' },
          { text: '官网', href: 'https://example.cn/' },
        ],
      },
      {
        type: 'list',
        ordered: false,
        items: [{ runs: [{ text: '龙井' }], children: [{ runs: [{ text: '明前' }] }] }, { runs: [{ text: '普洱' }] }],
      },
      { type: 'list', ordered: true, items: [{ runs: [{ text: '第一' }] }] },
      {
        type: 'table',
        header: true,
        rows: [
          [[{ text: '品名' }], [{ text: '价格' }]],
          [[{ text: '龙井' }], [{ text: '368元' }]],
        ],
      },
    ]);
  });

  it('splits a paragraph at soft line breaks and around a picture', () => {
    const blocks = blocksOf(`<p>地址：泉城路188号<br />电话：0531-86001234<img src="asset:${SHA}" alt="门店" />营业中</p>`);
    expect(blocks).toEqual([
      { type: 'paragraph', runs: [{ text: '地址：泉城路188号' }] },
      { type: 'paragraph', runs: [{ text: '电话：0531-86001234' }] },
      { type: 'image', image: { sha256: SHA, alt: '门店' } },
      { type: 'paragraph', runs: [{ text: '营业中' }] },
    ]);
  });

  it('shows hostile markup as text and drops scripts, handlers, javascript: links and foreign images', () => {
    const blocks = blocksOf(
      '<p onclick="alert(1)">Hi<script>alert(2)</script><a href="javascript:alert(3)">点我</a>' +
        '<img src="http://evil.example/x.png" onerror="alert(4)">&lt;script&gt;alert(5)&lt;/script&gt;<a href="/relative">相对</a></p>' +
        '<style>p{}</style><iframe src="https://evil.example"></iframe><h5>小标题</h5>',
    );
    expect(blocks).toEqual([
      { type: 'paragraph', runs: [{ text: 'Hi点我<script>alert(5)</script>相对' }] },
      { type: 'heading', level: 4, runs: [{ text: '小标题' }] },
    ]);
    expect(richTextSchema.safeParse(toModelBlocks(blocks)).success).toBe(true);
  });

  it('maps source heading levels onto the model (h1/h2 → h2, h3 → h3, deeper → h4) and stays valid', () => {
    const model = toModelBlocks(blocksOf('<h1>a</h1><h2>b</h2><h3>c</h3><h4>d</h4>'));
    expect(model.map((b) => (b.type === 'heading' ? b.level : 0))).toEqual([2, 2, 3, 4]);
    expect(richTextSchema.parse(model)).toHaveLength(4);
    expect(plainText(model)).toBe('a\nb\nc\nd');
  });
});
