/**
 * Roster files as customers send them, generated for tests and benchmarks: .xlsx with a title
 * block, merged header and department cells, formulas and numbers Excel shows as 1.38001E+10;
 * .csv in UTF-8 or GBK; and rosters of any size with a known share of bad rows.
 */
import ExcelJS from 'exceljs';

export interface RosterPerson {
  name: string;
  mobile: string;
  department: string;
  title: string;
  shortNumber?: string;
  extension?: string;
  email?: string;
}

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强海燕红梅晓东晓燕丹玉兰春梅文博子涵浩然欣怡梓轩雨桐思远嘉怡宇航';
const DEPARTMENTS = ['销售部', '市场部', '技术部', '财务部', '人事部', '行政部', '客服部', '采购部', '生产部', '质检部'];
const TITLES = ['经理', '主管', '专员', '工程师', '助理', '总监', '会计', '文员'];
/** China Mobile ranges (carriers.ts). */
const CM_PREFIXES = [
  '1340',
  '1345',
  '1348',
  '135',
  '136',
  '137',
  '138',
  '139',
  '147',
  '150',
  '151',
  '152',
  '157',
  '158',
  '159',
  '172',
  '178',
  '182',
  '183',
  '184',
  '187',
  '188',
  '195',
  '197',
  '198',
];

/** A small deterministic generator (mulberry32), so every run makes the same roster. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, list: readonly T[] | string): T => list[Math.floor(random() * list.length)] as T;

/** `count` different people with China Mobile numbers (mobiles unique, deterministic per seed). */
export function people(count: number, seed = 1): RosterPerson[] {
  const random = seeded(seed);
  const mobiles = new Set<string>();
  const out: RosterPerson[] = [];
  while (out.length < count) {
    const prefix = pick<string>(random, CM_PREFIXES);
    const mobile = prefix + String(Math.floor(random() * 10 ** (11 - prefix.length))).padStart(11 - prefix.length, '0');
    if (mobiles.has(mobile)) continue;
    mobiles.add(mobile);
    const givenLength = random() < 0.6 ? 2 : 1;
    const name = pick<string>(random, SURNAMES) + Array.from({ length: givenLength }, () => pick<string>(random, GIVEN)).join('');
    out.push({ name, mobile, department: pick(random, DEPARTMENTS), title: pick(random, TITLES) });
  }
  return out;
}

export const HEADER = ['姓名', '手机号码', '部门', '职务', '短号', '分机', '邮箱'];
export const rowOf = (p: RosterPerson): string[] => [
  p.name,
  p.mobile,
  p.department,
  p.title,
  p.shortNumber ?? '',
  p.extension ?? '',
  p.email ?? '',
];

export interface XlsxOptions {
  /** A merged title line above the header ("某某公司员工通讯录"). */
  title?: string;
  /** A two-line header whose top line groups columns with merged cells (基本信息 / 联系方式). */
  groupedHeader?: boolean;
  /** Each department's name merged down over its members (sorted by department). */
  mergeDepartments?: boolean;
  /** Mobiles as numbers shown in scientific notation (the value stays exact). */
  numericMobiles?: boolean;
  /** Mobiles computed by a formula (with its saved result, as Excel saves it). */
  formulaMobiles?: boolean;
  sheetName?: string;
  /** More sheets before the roster (a cover sheet, notes). */
  extraSheets?: { name: string; rows: string[][] }[];
}

export async function rosterXlsx(list: RosterPerson[], options: XlsxOptions = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const extra of options.extraSheets ?? []) workbook.addWorksheet(extra.name).addRows(extra.rows);
  const sheet = workbook.addWorksheet(options.sheetName ?? '通讯录');
  const rows = options.mergeDepartments ? [...list].sort((a, b) => a.department.localeCompare(b.department)) : list;
  if (options.title) {
    sheet.addRow([options.title]);
    sheet.mergeCells(sheet.rowCount, 1, sheet.rowCount, HEADER.length);
  }
  if (options.groupedHeader) {
    // 基本信息 over 姓名/部门/职务 … : the top line is merged across, 姓名 merged down two lines.
    const top = sheet.rowCount + 1;
    sheet.addRow(['姓名', '联系方式', '', '部门', '职务', '内部号码', '', '邮箱']);
    sheet.addRow(['', '手机号码', '备用电话', '', '', '短号', '分机', '']);
    sheet.mergeCells(top, 1, top + 1, 1);
    sheet.mergeCells(top, 2, top, 3);
    sheet.mergeCells(top, 4, top + 1, 4);
    sheet.mergeCells(top, 5, top + 1, 5);
    sheet.mergeCells(top, 6, top, 7);
    sheet.mergeCells(top, 8, top + 1, 8);
  } else sheet.addRow(HEADER);
  const cellsOf = (p: RosterPerson) =>
    options.groupedHeader ? [p.name, p.mobile, '', p.department, p.title, p.shortNumber ?? '', p.extension ?? '', p.email ?? ''] : rowOf(p);
  const mobileColumn = 2;
  const departmentColumn = options.groupedHeader ? 4 : 3;
  let runStart = 0;
  rows.forEach((p, i) => {
    const row = sheet.addRow(cellsOf(p));
    const mobile = row.getCell(mobileColumn);
    if (options.numericMobiles) {
      mobile.value = Number(p.mobile);
      mobile.numFmt = '0.00E+00';
    } else if (options.formulaMobiles) mobile.value = { formula: `"${p.mobile.slice(0, 3)}"&"${p.mobile.slice(3)}"`, result: p.mobile };
    if (options.mergeDepartments) {
      const next = rows[i + 1];
      if (i === 0 || rows[i - 1]!.department !== p.department) runStart = row.number;
      if (!next || next.department !== p.department) {
        if (row.number > runStart) sheet.mergeCells(runStart, departmentColumn, row.number, departmentColumn);
      }
    }
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const csvText = (list: RosterPerson[], header = HEADER): string =>
  [header, ...list.map(rowOf)].map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');

let gbkTable: Map<string, number[]> | undefined;
/** Text in GBK, as Chinese Windows saves it (Node has no GBK encoder: the decoder's table, inverted). */
export function encodeGbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++)
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
      }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbkTable.get(ch);
      if (!pair) throw new Error(`no GBK code for ${ch}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

/** A roster of `size` rows where every 20th row (5 %) is bad in one of several ways; which rows, and why, is returned. */
export function rosterWithBadRows(size: number, seed = 7): { rows: RosterPerson[]; bad: Map<number, string> } {
  const list = people(size, seed);
  const bad = new Map<number, string>();
  const kinds: [string, (p: RosterPerson, i: number) => void][] = [
    ['roster.mobile_invalid', (p) => (p.mobile = `1${p.mobile.slice(2)}`)],
    ['roster.not_china_mobile', (p) => (p.mobile = `186${p.mobile.slice(3)}`)],
    ['roster.name_missing', (p) => (p.name = '')],
    ['roster.duplicate_in_file', (p, i) => (p.mobile = list[i - 1]!.mobile)],
    ['roster.mobile_scientific', (p) => (p.mobile = '1.38001E+10')],
  ];
  for (let i = 19; i < size; i += 20) {
    const [code, spoil] = kinds[((i + 1) / 20 - 1) % kinds.length]!;
    spoil(list[i]!, i);
    bad.set(i, code);
  }
  return { rows: list, bad };
}
