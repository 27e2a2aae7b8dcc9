/**
 * Lines of customer material the held-out round 15 showed the importer did not read (issue 9): a person with a
 * title and a mobile on a line of their own, without a label; a job ad led in with 现在; a 长年收购 line; 电话详询 for a price. The text is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { linesToBlocks, textLines } from '../../../electron/backend/domains/intake/lines';
import { parseContact } from '../../../electron/backend/domains/intake/contact';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import { parsePrice } from '../../../shared/sites/price';

let counter = 0;
const env = { newId: () => `id-${++counter}` };

describe('a person with a title and a mobile on a line of their own', () => {
  it('is a contact line: the person and the mobile fill the contact', () => {
    const text = ['青山石材厂，专做花岗岩板材。', '厂址：某县石材园区3号', '电话：0539-7771234', '吴经理 13812340000'].join('\n');
    const material = structureDocument(linesToBlocks(textLines(text)), '介绍.txt', env, { today: '2026-12-01' });
    expect(material.contactLines).toContain('吴经理 13812340000');
    const contact = parseContact(material.contactLines);
    expect(contact?.person).toBe('吴经理');
    expect(contact?.phones.map((p) => p.number)).toContain('13812340000');
  });

  it('is the label of the number when it stands before a colon ("孙场长：…"), even a title no label list names', () => {
    expect(parseContact(['地址：某镇东村', '孙场长：138 1234 0000（微信同号）'])?.person).toBe('孙场长');
    expect(parseContact(['地址：某镇东村', '钱厂长：13812340000'])?.person).toBe('钱厂长');
  });

  it('leaves a line of a word without a title and a number where it stands', () => {
    const material = structureDocument(linesToBlocks(textLines('产品介绍\n样品 13812340000')), '介绍.txt', env, { today: '2026-12-01' });
    expect(material.contactLines).not.toContain('样品 13812340000');
  });
});

describe('a job ad led in by who is hiring and 现在', () => {
  it('is titled by the position alone', () => {
    const text = ['公司简介', '恒远物流成立于2015年，专做城配。', '另外公司现在招仓库管理员3名，月薪4500-5500元。'].join('\n');
    const { columns } = structureDocument(linesToBlocks(textLines(text)), '介绍.txt', env, { today: '2026-12-01' });
    const jobs = columns.flatMap((c) => c.items).filter((i) => i.kind === 'job');
    expect(jobs.map((j) => [j.title, j.headcount])).toEqual([['仓库管理员', 3]]);
  });
});

describe('a 长年收购 line (长年 written for 常年)', () => {
  it('is a demand post like a 常年收购 one', () => {
    const text = ['产品价格', '大白菜 0.8元/斤', '长年收购：本地土豆、萝卜，量大上门拉货'].join('\n');
    const { columns } = structureDocument(linesToBlocks(textLines(text)), '介绍.txt', env, { today: '2026-12-01' });
    const posts = columns.flatMap((c) => c.items).filter((i) => i.kind === 'post');
    expect(posts.map((p) => [p.title, p.postKind])).toEqual([['本地土豆、萝卜', 'demand']]);
  });
});

describe('a price to ask about by phone (电话详询, 电询)', () => {
  it('is no amount, the words kept', () => {
    expect(parsePrice('电话详询')).toEqual({ kind: 'negotiable', text: '电话详询' });
    expect(parsePrice('价格：电询')).toEqual({ kind: 'negotiable', text: '电询' });
  });
});
