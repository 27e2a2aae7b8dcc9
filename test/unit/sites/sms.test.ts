/** The SMS site: a numeric menu tree whose every reply is counted as China bills it. */
import { describe, expect, it } from 'vitest';
import { compile } from '../../../shared/sites/compile';
import { exampleSite } from '../../../shared/sites/example';
import type { SiteContent } from '../../../shared/sites/model';
import { countSms } from '../../../shared/sites/sms/count';
import { SMS_ROOT, type SmsSite } from '../../../shared/sites/sms/menu';
import { templateFor } from '../../../shared/sites/templates/catalog';
import { exampleBuild, generatedSite } from './generate';
import { text } from './oracles';

function smsSite(
  site: SiteContent,
  assets = exampleBuild().assets,
): { sms: SmsSite; findings: ReturnType<typeof compile>['report']['findings'] } {
  const result = compile(site, templateFor(site), assets);
  return { sms: JSON.parse(text(result.files.find((f) => f.path === 'sms/menu.json')!)), findings: result.report.findings };
}

function checkTree(sms: SmsSite, maxMessages: number): void {
  const ids = new Set(sms.nodes.map((n) => n.id));
  expect(ids.size).toBe(sms.nodes.length);
  for (const node of sms.nodes) {
    const count = countSms(node.reply.text);
    expect(node.reply, node.id).toMatchObject({
      chars: count.chars,
      messages: count.messages,
      encoding: count.encoding,
      airSegments: count.airSegments,
    });
    expect(node.reply.text.startsWith(sms.signature), node.id).toBe(true);
    for (const option of node.options) expect(ids.has(option.target), `${node.id} → ${option.target}`).toBe(true);
    const isMenu = node.kind === 'menu' || (node.kind === 'column' && node.options.length > 1);
    if (isMenu) expect(node.reply.messages, node.id).toBe(1);
    else expect(node.reply.messages, node.id).toBeLessThanOrEqual(maxMessages);
    // Every numbered option is announced in the text.
    for (const option of node.options.filter((o) => /^\d$/.test(o.key) && node.kind !== 'survey'))
      expect(node.reply.text).toMatch(new RegExp(`(^|\\n|回|】)${option.key}`));
  }
}

describe('SMS site', () => {
  it('builds the quancheng-tea menu tree: main menu in one message, columns, items, guestbook, lottery, survey, care', () => {
    const { sms } = smsSite(exampleSite());
    checkTree(sms, 3);
    expect(sms.number).toBe('10657008801');
    expect(sms.signature).toBe('【泉城茶业】');
    expect(sms.wapPush).toMatchObject({ href: 'http://quanchengtea.ec.example.cn/wap/', text: '泉城茶业WAP站' });
    expect(sms.wapPush.userData).toHaveLength(1);
    expect(sms.wapPush.userData[0]).toMatch(/^0605040b8423f0010601ae02056a00/);
    const root = sms.nodes.find((n) => n.id === SMS_ROOT)!;
    expect(root.options.map((o) => o.label)).toEqual([
      '公司简介',
      '产品介绍',
      '新闻动态',
      '人才招聘',
      '供求信息',
      '联系我们',
      '在线留言',
      '抽奖',
      '调查',
    ]);
    expect(root.reply.messages).toBe(1);
    const products = sms.nodes.find((n) => n.id === 'c:products')!;
    expect(products.reply.text).toContain('1明前龙井 368元');
    expect(sms.nodes.find((n) => n.id === 'i:p-longjing')!.reply.text).toContain('规格:250克/罐');
    expect(sms.lottery).toMatchObject({
      keyword: 'CJ',
      perNumberLimit: 1,
      prizes: [
        { name: '茶具一套', count: 10 },
        { name: '50元代金券', count: 100 },
      ],
    });
    expect(sms.lottery!.prizes[0]!.reply.text).toBe('【泉城茶业】恭喜您抽中茶具一套！请凭本短信到任一门店领取。');
    expect(sms.keywords).toContainEqual({ key: 'CJ', label: '抽奖', target: 'lottery' });
    expect(sms.survey!.question.text).toBe('【泉城茶业】您最喜欢哪类茶？\n1绿茶\n2乌龙茶\n3红茶\n4普洱');
    expect(sms.care).toEqual([
      {
        id: 'c-mid-autumn',
        date: '2026-09-25',
        occasion: '中秋节',
        message: expect.objectContaining({ text: '【泉城茶业】泉城茶业祝您中秋快乐，阖家团圆！', messages: 1 }),
      },
    ]);
  });

  it('pages long lists with "9" for more, every page one message, and cuts long replies to the limit', () => {
    const { site, assets } = generatedSite(300);
    site.sms.maxMessagesPerReply = 2;
    const { sms, findings } = smsSite(site, assets);
    checkTree(sms, 2);
    const products = sms.nodes.filter((n) => n.id.startsWith('c:products'));
    expect(products.length).toBeGreaterThan(20);
    expect(products[0]!.options.find((o) => o.key === '9')!.target).toBe('c:products:2');
    expect(findings.some((f) => f.code === 'sms.reply_truncated' && f.where.itemId !== undefined)).toBe(true);
  });

  it('continues a main menu that cannot fit one message, and reports it', () => {
    const site = exampleSite();
    for (let i = 0; i < 12; i++)
      site.columns.push({
        id: `x${i}`,
        type: 'custom',
        title: `自定义栏目第${i}号`,
        order: 10 + i,
        channels: { web: false, wap2: false, wap1: false, sms: true },
        body: [{ type: 'paragraph', runs: [{ text: '内容' }] }],
        items: [],
      });
    const { sms, findings } = smsSite(site);
    checkTree(sms, 3);
    const menus = sms.nodes.filter((n) => n.kind === 'menu');
    expect(menus.length).toBeGreaterThan(1);
    expect(menus[0]!.options.find((o) => o.key === '9')).toEqual({ key: '9', label: '更多', target: 'menu:2' });
    expect(findings.find((f) => f.channel === 'sms' && f.code === 'page.split')).toBeDefined();
    expect(findings.find((f) => f.code === 'sms.menu_too_long')).toBeUndefined();
  });
});
