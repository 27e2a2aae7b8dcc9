/**
 * Material round 22 showed arriving in formats the importer refused (issue 9): a mini-program's or shop backend's
 * database exported as JSON or JSON Lines, and the owner's contact card shared from a phone as a `.vcf`. The
 * records and cards are made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { parseContact } from '../../../electron/backend/domains/intake/contact';
import { textOf } from '../../../electron/backend/domains/intake/htmlToBlocks';
import { jsonBlocks } from '../../../electron/backend/domains/intake/jsonRecords';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import { vcardBlocks } from '../../../electron/backend/domains/intake/vcard';
import { itemTitle, type Column } from '../../../shared/sites/model';
import { env, TODAY } from '../../helpers/structuredText';

const structured = (text: string, file: string) =>
  structureDocument(jsonBlocks(text, file.replace(/\.\w+$/, '')), file, env, { today: TODAY });
const ofType = (columns: Column[], type: string) => columns.find((c) => c.type === type)?.items ?? [];
const lines = (text: string) => vcardBlocks(text).map(textOf);

describe('a database export in JSON', () => {
  const goods = [
    { _id: 'a1', name: '野生菌礼盒', subTitle: '云南当季采摘', spec: '500g/盒', price: 128, linePrice: 168, stock: 40, status: 1 },
    { _id: 'a2', name: '松茸干片', spec: '100g', price: 88.5, linePrice: 99, stock: 12, status: 1 },
    { _id: 'a3', name: '牛肝菌罐头', spec: '6罐', price: 60, stock: 0, status: 0 },
    { _id: 'a4', name: '餐厅供货', spec: '按需', price: 0, priceText: '电议', stock: 999, status: 1 },
  ];

  it('reads JSON Lines records as a table: English keys as header words, switched-off records left out, a 0 price by its text', () => {
    const material = structured(goods.map((g) => JSON.stringify(g)).join('\n'), 'products.json');
    const items = ofType(material.columns, 'products');
    expect(items.map(itemTitle)).toEqual(['野生菌礼盒', '松茸干片', '餐厅供货']);
    const prices = items.map((i) => (i.kind === 'product' ? i.price : undefined));
    expect(prices[0]).toMatchObject({ kind: 'amount', fen: 12800 });
    expect(prices[1]).toMatchObject({ kind: 'amount', fen: 8850 });
    expect(prices[2]).toMatchObject({ kind: 'negotiable', text: '电议' });
  });

  it('reads an array, and an object holding the array, alike', () => {
    const asArray = structured(JSON.stringify(goods), 'export.json');
    const wrapped = structured(JSON.stringify({ code: 0, data: goods }), 'export.json');
    expect(ofType(asArray.columns, 'products').map(itemTitle)).toEqual(['野生菌礼盒', '松茸干片', '餐厅供货']);
    expect(ofType(wrapped.columns, 'products').map(itemTitle)).toEqual(['野生菌礼盒', '松茸干片', '餐厅供货']);
  });

  it('reads notices as articles dated in Beijing, a hidden one left out and one typed as hiring as a job', () => {
    const notices = [
      {
        title: '元旦菌菇节 满百减二十',
        content: '元旦前后店里办菌菇节，12月28日至1月2日全场满100元减20元，欢迎到店品尝选购。',
        type: '活动',
        status: 'show',
        publishTime: { $date: '2026-12-02T03:00:00.000Z' },
      },
      {
        title: '冷链发货说明',
        content: '天冷以后改走冷链，上午11点前下单当天发出，偏远地区另加运费，详情请咨询客服。',
        type: '通知',
        status: 'show',
        publishTime: { $date: '2026-11-28T17:10:00.000Z' },
      },
      {
        title: '招聘分拣员',
        content: '因冬季订单多，店里招分拣员3名，女性优先，月工资4000-4500元，包住宿。',
        type: '招聘',
        status: 'show',
        publishTime: { $date: '2026-11-10T02:00:00.000Z' },
      },
      {
        title: '中秋停发通知',
        content: '中秋节三天假期暂停发货，节后按下单先后依次发出，给您带来不便请谅解。',
        type: '通知',
        status: 'hide',
        publishTime: { $date: '2026-09-20T02:00:00.000Z' },
      },
    ];
    const material = structured(notices.map((n) => JSON.stringify(n)).join('\n'), 'notice.json');
    const news = ofType(material.columns, 'news');
    expect(news.map(itemTitle)).toEqual(['元旦菌菇节 满百减二十', '冷链发货说明']);
    // 17:10 on 28 November UTC is the morning of the 29th in Beijing.
    expect(news.map((i) => (i.kind === 'article' ? i.date : undefined))).toEqual(['2026-12-02', '2026-11-29']);
    const jobs = ofType(material.columns, 'jobs');
    expect(jobs.map(itemTitle)).toEqual(['分拣员']);
    expect(jobs[0]).toMatchObject({ headcount: 3 });
  });

  it('reads one configuration object as the contact, its nested contact person included, and a long text as the intro', () => {
    const config = {
      _id: 'config',
      shopName: '山货小铺',
      intro: '山货小铺开在大山脚下十多年，专卖当地农户采摘晾晒的野生菌、笋干、木耳等山货，品质有保证，可批发零售。',
      servicePhone: '0871-6543210',
      contact: { name: '李姐', mobile: '13900001111', wechat: 'shanhuo_li' },
      address: '云南省楚雄州南华县龙川镇菌市街12号',
      banners: ['cloud://env-1/banner.jpg'],
      updateTime: { $date: '2026-11-01T00:00:00.000Z' },
    };
    const material = structured(JSON.stringify(config), 'shop_config.json');
    const contact = parseContact(material.contactLines);
    expect(contact).toMatchObject({ person: '李姐', address: '云南省楚雄州南华县龙川镇菌市街12号' });
    expect(contact?.phones.map((p) => p.number).sort()).toEqual(['0871-6543210', '13900001111']);
    expect(material.columns.find((c) => c.type === 'intro')).toBeDefined();
  });

  it('refuses text that is neither JSON nor JSON Lines', () => {
    expect(() => jsonBlocks('{"name": "a",\nbroken', 'x')).toThrow(/not valid JSON/);
  });
});

describe('a contact card (.vcf)', () => {
  it('reads a vCard 2.1 from Android: quoted-printable UTF-8 wrapped with soft line breaks, typed numbers, the address and postcode', () => {
    const qp = (text: string) =>
      [...new TextEncoder().encode(text)].map((b) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
    const street = qp('城南镇建设路与人民街交叉口东30米');
    const card = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      `N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${qp('周')};${qp('立新')};;;`,
      `FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${qp('周立新')}`,
      'TEL;CELL;PREF:139 0000 2222',
      'TEL;WORK:0371-5551234',
      `ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${qp('某县立新农资店')}`,
      `ADR;WORK;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:;;${street.slice(0, 40)}=`,
      `${street.slice(40)};${qp('某某县')};${qp('河南省')};463000;${qp('中国')}`,
      'PHOTO;ENCODING=BASE64;JPEG:',
      ' /9j/4AAQSkZJRgABAQ',
      ' AAAQABAAD',
      '',
      'END:VCARD',
    ].join('\r\n');
    expect(lines(card)).toEqual([
      '联系方式',
      '联系人：周立新',
      '手机：139 0000 2222',
      '电话：0371-5551234',
      '地址：某某县城南镇建设路与人民街交叉口东30米',
      '邮编：463000',
    ]);
    const contact = parseContact(lines(card).slice(1));
    expect(contact).toMatchObject({ person: '周立新', postcode: '463000' });
    expect(contact?.phones).toEqual([
      { label: '手机', number: '13900002222' },
      { label: '电话', number: '0371-5551234' },
    ]);
  });

  it('reads vCard 3.0 (folded lines, TYPE= parameters, escapes) and 4.0 (tel: values)', () => {
    const v3 = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:王丽',
      'item1.TEL;TYPE=CELL,VOICE:+86 137 0000 3333',
      'TEL;TYPE=FAX:0531-8887777',
      'ADR;TYPE=WORK:;;历城区花园路\\, 88号;济南',
      ' 市;山东省;250100;',
      'EMAIL;TYPE=INTERNET:wangli@example.cn',
      'END:VCARD',
    ].join('\n');
    expect(lines(v3)).toEqual([
      '联系方式',
      '联系人：王丽',
      '手机：+86 137 0000 3333',
      '传真：0531-8887777',
      '地址：济南市历城区花园路, 88号',
      '邮编：250100',
      '邮箱：wangli@example.cn',
    ]);
    const v4 = ['BEGIN:VCARD', 'VERSION:4.0', 'FN:赵强', 'TEL;VALUE=uri;TYPE="work,voice":tel:0755-2345678', 'END:VCARD'].join('\n');
    expect(lines(v4)).toEqual(['联系方式', '联系人：赵强', '电话：0755-2345678']);
  });

  it('gives nothing for a file without a card', () => {
    expect(vcardBlocks('not a card')).toEqual([]);
  });
});
