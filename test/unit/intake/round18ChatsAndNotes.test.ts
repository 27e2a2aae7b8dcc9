/**
 * Shapes the held-out round 18 showed the importer misread (issue 9): a WeChat chat in which the owner dictates
 * his goods to the customer manager one fact a message, and a 小红书 note copied off the web with its comments.
 * The text is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { chatAsWritten } from '../../../electron/backend/domains/intake/chatDictation';
import { parseContact } from '../../../electron/backend/domains/intake/contact';
import { jobLine } from '../../../electron/backend/domains/intake/lineItems';
import { linesToBlocks, textLines } from '../../../electron/backend/domains/intake/lines';
import { withoutPageChrome } from '../../../electron/backend/domains/intake/pageChrome';
import { withEmojiLabel, withYuanForR } from '../../../electron/backend/domains/intake/socialNote';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import { shortNameOf } from '../../../electron/backend/domains/sites/defaults';

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const structured = (text: string) => structureDocument(linesToBlocks(textLines(text)), '聊天.txt', env, { today: '2026-12-05' });

const DICTATED_CHAT = [
  '王师傅和移动-赵经理的聊天记录',
  '',
  '——  2026-11-28  ——',
  '',
  '移动-赵经理  10:01',
  '王师傅，店里修车的项目和价格发我一下吧？',
  '',
  '王师傅  10:02',
  '好',
  '',
  '王师傅  10:02',
  '先说保养',
  '',
  '王师傅  10:03',
  '小保养 198',
  '',
  '王师傅  10:03',
  '全合成机油更换',
  '',
  '王师傅  10:04',
  '45一升',
  '',
  '王师傅  10:05',
  '[图片]',
  '',
  '王师傅  10:05',
  '补胎 30一个 冷补的',
  '',
  '"王师傅" 撤回了一条消息',
  '',
  '王师傅  10:06',
  '刚才说错了，小保养是168',
  '',
  '移动-赵经理  10:07',
  '好的，全合成机油45一升对吧',
  '',
  '王师傅  10:08',
  '机油不对，现在是50',
  '',
  '移动-赵经理  10:09',
  '四轮定位写80吗？',
  '',
  '王师傅  10:10',
  '四轮定位 80',
  '',
  '王师傅  10:12',
  '「移动-赵经理：四轮定位写80吗？」',
  '- - - - - - - - - - -',
  '定位的价格写60吧',
  '',
  '王师傅  10:13',
  '[语音] 8"',
  '',
  '王师傅  10:14',
  '还有12月18号到25号洗车半价，这个也帮我发上去',
  '',
  '王师傅  10:15',
  '对了 还招人 招个洗车工，2名，月薪4200',
  '',
  '王师傅  10:16',
  '地址是城关镇建设路 东头加油站旁边',
  '',
  '王师傅  10:16',
  '电话就写我手机 13812345678 座机没有',
  '',
  '王师傅  10:17',
  '联系人写王师傅就行',
  '',
  '移动-赵经理  10:18',
  '收到，做好发您看',
].join('\n');

describe('a chat in which the owner dictates his goods', () => {
  it('writes the owner messages out as a list: a name and its price across two messages joined, the last word on a price winning', () => {
    const written = chatAsWritten(DICTATED_CHAT.split('\n'));
    expect(written.join('\n')).not.toMatch(/赵经理|撤回|\[语音\]|发我一下|好的，全合成/);
    expect(written).toContain('小保养  168元');
    // The correction names only part of the name, and keeps the unit said first.
    expect(written).toContain('全合成机油更换  50元/升');
    // A quoted question answered: the price of what the quote names.
    expect(written).toContain('四轮定位  60元');
    expect(written).toContain('补胎  30元/个  冷补的');
  });

  it('reads the items, the notice, the job and the contact said in the chat', () => {
    const result = structured(DICTATED_CHAT);
    const items = result.columns.flatMap((c) => c.items);
    const products = items.filter((i) => i.kind === 'product');
    expect(products.map((p) => [p.name, p.price?.kind === 'amount' ? p.price.fen : undefined])).toEqual([
      ['小保养', 16800],
      ['全合成机油更换', 5000],
      ['补胎', 3000],
      ['四轮定位', 6000],
    ]);
    const news = items.find((i) => i.kind === 'article');
    expect(news).toMatchObject({ date: '2026-12-18' });
    expect(news?.kind === 'article' && news.title).toContain('洗车半价');
    expect(items.find((i) => i.kind === 'job')).toMatchObject({ title: '洗车工', headcount: 2 });
    const contact = parseContact(result.contactLines);
    expect(contact).toMatchObject({ person: '王师傅', address: '城关镇建设路东头加油站旁边' });
    expect(JSON.stringify(contact)).toContain('13812345678');
  });

  it('reads each line of a message of several lines in a dictated chat', () => {
    const chat = ['老板  10:00', '甲 10', '', '老板  10:01', '乙 20', '', '老板  10:02', '丙 30', '', '老板  10:03', '丁 40', '戊 50'];
    expect(chatAsWritten(chat)).toEqual(expect.arrayContaining(['丁  40元', '戊  50元']));
  });

  it('leaves a group chat whose messages carry whole lists as it was, frames dropped', () => {
    const chat = ['张总  09:00', '产品价格：', '甲  10元', '乙  20元', '', '李经理  09:01', '收到', '', '张总  09:02', '地址：建设路1号'];
    const written = chatAsWritten(chat);
    expect(written).toContain('产品价格：');
    expect(written).not.toContain('张总  09:00');
  });

  it('takes 招个 for one position, its headcount written after it', () => {
    expect(jobLine('招个送货员，1名，月薪4500')).toMatchObject({ title: '送货员', headcount: 1 });
    expect(jobLine('招个看店的，包吃住')).toMatchObject({ title: '看店的' });
  });
});

describe('a 小红书 note copied from the web', () => {
  const NOTE = [
    '云朵烘焙工作室',
    '关注',
    '',
    '宝藏面包店｜每天现烤真的香‼️',
    '',
    '💰价格',
    '🍞吐司 18r/条',
    '🥐可颂 12r',
    '🎂生日蛋糕 168r起',
    '',
    '📍建设路12号',
    '📞0531-1234567',
    '⏰营业时间 7:00-20:00',
    '',
    '🎁12月8日起会员生日当天蛋糕8折，提前预约',
    '',
    '#面包 #烘焙',
    '',
    '编辑于 11-30 山东',
    '',
    '共 8 条评论',
    '路人甲',
    '周末开门吗',
    '11-30 山东 回复',
    '云朵烘焙工作室 作者',
    '开的哦',
    '12-01 山东 赞 2 回复',
    '展开 3 条回复',
    '',
    '说点什么...',
  ];

  it('drops the comments from the 编辑于 line on, and reads r after an amount as 元', () => {
    const lines = withoutPageChrome(NOTE);
    expect(lines.join('\n')).not.toMatch(/周末开门|开的哦|编辑于|说点什么/);
    expect(withYuanForR('🍞吐司 18r/条')).toBe('🍞吐司 18元/条');
    expect(withYuanForR('🎂生日蛋糕 168r起')).toBe('🎂生日蛋糕 168元起');
    expect(withYuanForR('iPhone 15r')).toBe('iPhone 15r');
  });

  it('reads an emoji-led line as the contact label it stands for', () => {
    expect(withEmojiLabel('📍建设路12号')).toBe('地址：建设路12号');
    expect(withEmojiLabel('📞0531-1234567')).toBe('电话：0531-1234567');
    expect(withEmojiLabel('⏰营业时间 7:00-20:00')).toBe('营业时间 7:00-20:00');
  });

  it('finds the priced items and the current notice, and nothing from the comments', () => {
    const result = structured(NOTE.join('\n'));
    const items = result.columns.flatMap((c) => c.items);
    expect(items.filter((i) => i.kind === 'product').map((p) => p.kind === 'product' && p.name)).toEqual(['吐司', '可颂', '生日蛋糕']);
    expect(items.filter((i) => i.kind === 'article').map((a) => a.kind === 'article' && a.date)).toEqual(['2026-12-08']);
    expect(parseContact(result.contactLines)?.address).toBe('建设路12号');
  });
});

describe('short names', () => {
  it('drops a general trade word after a name that already says the trade', () => {
    const region = { province: '河南省', city: '洛阳市', district: '老城区' };
    expect(shortNameOf('洛阳市老城区锦衣汉服租赁店', region)).toBe('锦衣汉服');
    expect(shortNameOf('洛阳市雅丽纹绣美容工作室', region)).toBe('雅丽纹绣');
    expect(shortNameOf('洛阳市车之宝汽车美容店', region)).toBe('车之宝汽车美容');
    expect(shortNameOf('洛阳市丽人美容院', region)).toBe('丽人美容院');
    expect(shortNameOf('洛阳市豆豆宠物美容店', region)).toBe('豆豆宠物美容');
  });
});
