/**
 * Field names written as the pinyin initials of their Chinese words (spmc = 商品名称, lsj = 零售价, jj = 进价), as old
 * Chinese till and stock programs (Delphi, FoxPro, PowerBuilder) name the fields of their exports.
 */
import { pinyin } from 'pinyin-pro';

/**
 * The goods fields such programs keep, as the Chinese words tables.ts reads. First wins where two share initials;
 * words that would clash with these (简介 jj, 上架 sj) are left out: in a goods list jj is the purchase price.
 */
const FIELD_WORDS = [
  '商品名称',
  '商品编号',
  '商品条码',
  '名称',
  '品名',
  '条码',
  '规格',
  '型号',
  '单位',
  '计量单位',
  '零售价',
  '售价',
  '单价',
  '价格',
  '会员价',
  '批发价',
  '进价',
  '进货价',
  '成本价',
  '类别名称',
  '类别',
  '库存数量',
  '库存',
  '备注',
  '说明',
  '产地',
  '品牌',
  '停用',
];

const initials = (word: string) => pinyin(word, { pattern: 'first', toneType: 'none', type: 'array' }).join('');

let byInitials: Map<string, string> | undefined;

/** The Chinese field word whose pinyin initials a key is (`spmc`, `LSJ`), if any. */
export function pinyinKeyWord(key: string): string | undefined {
  if (!/^[a-z]{2,6}$/i.test(key)) return undefined;
  byInitials ??= FIELD_WORDS.reduce(
    (map, word) => (map.has(initials(word)) ? map : map.set(initials(word), word)),
    new Map<string, string>(),
  );
  return byInitials.get(key.toLowerCase());
}
