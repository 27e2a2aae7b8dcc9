/**
 * 营业执照 pictures for the licence reader's tests and bench, rendered here (sharp + SVG text in
 * WenQuanYi Micro Hei): the current layout (2019, two columns) and the old one (2015 三证合一, one
 * column), with the photo's troubles — rotation, blur, JPEG noise, a shadow across the page.
 * Deterministic: the same index gives the same picture and the same expected fields.
 */
import sharp from 'sharp';
import { creditCodeCheckChar } from '../../shared/domain/creditCode';

export interface LicenceFields {
  name: string;
  creditCode: string;
  type: string;
  legalRepresentative: string;
  registeredCapital: string;
  establishedOn: string;
  address: string;
}

export interface LicencePicture {
  fields: LicenceFields;
  layout: 'current' | 'old';
  font: string;
  rotation: number;
  blur: number;
  quality: number;
  shadow: boolean;
}

const NAMES = [
  '济南泉城茶业有限公司',
  '青岛海润食品股份有限公司',
  '烟台鲁东机械制造有限公司',
  '潍坊百草园林工程有限公司',
  '淄博华瓷陶瓷科技有限公司',
  '临沂聚源物流有限责任公司',
  '日照阳光海洋渔业合作社',
  '德州众诚汽车服务有限公司',
  '泰安岱宗文化传媒有限公司',
  '威海蓝海电子有限公司',
];
const TYPES = ['有限责任公司（自然人投资或控股）', '股份有限公司（非上市）', '有限责任公司（自然人独资）', '其他有限责任公司'];
const PEOPLE = ['王建国', '李秀英', '张伟', '刘洋', '陈静', '杨帆', '赵丽华', '黄海波', '周明', '吴晓燕'];
const STREETS = [
  '山东省济南市历下区泉城路188号',
  '山东省青岛市市南区香港中路36号',
  '山东省烟台市芝罘区南大街9号2单元',
  '山东省潍坊市奎文区东风东街456号',
  '山东省淄博市张店区共青团西路21号',
  '山东省临沂市兰山区沂蒙路100号',
];
const REGIONS = ['370102', '370202', '370602', '370705', '370303', '371302'];
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A credit code that passes its check character, with letters the OCR could confuse (B, D, G, Q, U, Z-free). */
function creditCode(i: number): string {
  let body = `91${REGIONS[i % REGIONS.length]}`;
  let seed = i * 7919 + 17;
  for (let k = 0; k < 9; k++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    body += CODE_CHARS[seed % CODE_CHARS.length];
  }
  return body + creditCodeCheckChar(body);
}

export function licenceFields(i: number): LicenceFields {
  return {
    name: NAMES[i % NAMES.length]!,
    creditCode: creditCode(i),
    type: TYPES[i % TYPES.length]!,
    legalRepresentative: PEOPLE[(i * 3) % PEOPLE.length]!,
    registeredCapital: `${[50, 100, 200, 500, 1000, 3000][i % 6]}万元整`,
    establishedOn: `20${String(10 + (i % 12)).padStart(2, '0')}年${(i % 12) + 1}月${(i % 27) + 1}日`,
    address: STREETS[i % STREETS.length]!,
  };
}

/** The i-th picture of the set: layouts, fonts and troubles vary with i. */
export function licencePicture(i: number): LicencePicture {
  return {
    fields: licenceFields(i),
    layout: i % 2 === 0 ? 'current' : 'old',
    font: i % 3 === 2 ? 'WenQuanYi Micro Hei Mono' : 'WenQuanYi Micro Hei',
    rotation: [0, 3, -5, 5, -2, 1.5, -4][i % 7]!,
    blur: [0, 0.8, 0, 1.2, 0.5][i % 5]!,
    quality: [90, 60, 45, 75][i % 4]!,
    shadow: i % 3 === 1,
  };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function svgOf(p: LicencePicture): string {
  const W = 1600;
  const H = 1130;
  const f = p.fields;
  const text = (x: number, y: number, s: string, size = 30, extra = '') =>
    `<text x="${x}" y="${y}" font-size="${size}" font-family="${p.font}" fill="#1a1a1a" ${extra}>${esc(s)}</text>`;
  const parts = [
    `<rect width="${W}" height="${H}" fill="#f6f1e4"/>`,
    `<rect x="30" y="30" width="${W - 60}" height="${H - 60}" fill="none" stroke="#b8860b" stroke-width="10"/>`,
  ];
  parts.push(text(W / 2, 200, '营 业 执 照', 84, 'text-anchor="middle" font-weight="bold"'));
  if (p.layout === 'current') {
    parts.push(text(110, 300, `统一社会信用代码  ${f.creditCode}`, 30));
    const left: [string, string][] = [
      ['名        称', f.name],
      ['类        型', f.type],
      ['法定代表人', f.legalRepresentative],
      ['经 营 范 围', '茶叶销售；预包装食品销售'],
    ];
    const right: [string, string][] = [
      ['注 册 资 本', f.registeredCapital],
      ['成 立 日 期', f.establishedOn],
      ['营 业 期 限', '长期'],
      ['住        所', f.address],
    ];
    left.forEach(([label, value], k) => parts.push(text(110, 420 + k * 80, label, 30), text(300, 420 + k * 80, value, 30)));
    right.forEach(([label, value], k) =>
      parts.push(text(860, 420 + k * 80, label, 30), text(1040, 420 + k * 80, value, k === 3 ? 24 : 30)),
    );
  } else {
    parts.push(text(900, 290, `统一社会信用代码 ${f.creditCode}`, 28));
    const rows: [string, string][] = [
      ['名称', f.name],
      ['类型', f.type],
      ['住所', f.address],
      ['法定代表人', f.legalRepresentative],
      ['注册资本', f.registeredCapital],
      ['成立日期', f.establishedOn],
      ['营业期限', '长期'],
    ];
    rows.forEach(([label, value], k) => parts.push(text(260, 390 + k * 78, label, 32), text(480, 390 + k * 78, value, 32)));
  }
  parts.push(text(1150, 1010, '登记机关（盖章）', 26));
  if (p.shadow)
    parts.push(
      `<defs><linearGradient id="s" x1="0" x2="1" y1="0" y2="1"><stop offset="0" stop-color="#000" stop-opacity="0.45"/><stop offset="0.6" stop-color="#000" stop-opacity="0"/></linearGradient></defs><rect width="${W}" height="${H}" fill="url(#s)"/>`,
    );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">${parts.join('')}</svg>`;
}

export async function renderLicence(p: LicencePicture): Promise<Buffer> {
  let image = sharp(Buffer.from(svgOf(p))).flatten({ background: '#ffffff' });
  if (p.rotation) image = sharp(await image.rotate(p.rotation, { background: '#808080' }).png().toBuffer());
  if (p.blur) image = image.blur(p.blur);
  return image.jpeg({ quality: p.quality }).toBuffer();
}
