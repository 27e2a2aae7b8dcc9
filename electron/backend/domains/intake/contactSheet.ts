/**
 * A phone's or mail program's contacts exported to a sheet (姓名 | 公司 | 职位 | 手机 | 电话(工作) |
 * 地址(工作)): not items, but the contact block. The person in charge (老板, 经理 …), else the first
 * person, is written out as one contact line, which the structuring takes for the contact.
 */
const clean = (cell: string) => cell.replace(/\s+/g, ' ').trim();

type Field = 'person' | 'title' | 'mobile' | 'phone' | 'address';

const HEADERS: [Field, RegExp][] = [
  ['person', /^(姓名|名字|联系人|name)$/i],
  ['title', /^(职位|职务|头衔|title)$/i],
  ['mobile', /^(手机|手机号码?|移动电话|mobile)/i],
  ['phone', /^(电话|座机|固话|办公电话|工作电话|phone)/i],
  ['address', /^(地址|通讯地址|联系地址|address)/i],
];

const fieldOf = (header: string) => HEADERS.find(([, pattern]) => pattern.test(clean(header)))?.[0];

/** 老板, 经理, 厂长 …: the one to call. */
const IN_CHARGE = /老板|店主|经理|厂长|店长|负责人|总|主任|校长|院长/;

const LABELS: Record<Exclude<Field, 'title'>, string> = { person: '联系人', mobile: '手机', phone: '电话', address: '地址' };

/** The contact line of a contacts sheet (header first), or undefined when the sheet is none. */
export function contactSheetLine(grid: string[][]): string | undefined {
  const [header, ...rows] = grid;
  // A long list of people is a roster, not a customer's few contacts.
  if (!header || rows.length === 0 || rows.length > 20) return undefined;
  const fields = header.map(fieldOf);
  if (!fields.includes('person') || !(fields.includes('mobile') || fields.includes('phone'))) return undefined;
  const value = (row: string[], field: Field) => clean(row[fields.indexOf(field)] ?? '');
  const people = rows.filter((row) => value(row, 'person'));
  const chosen = people.find((row) => IN_CHARGE.test(value(row, 'title'))) ?? people[0];
  if (!chosen) return undefined;
  const parts = (['person', 'mobile', 'phone', 'address'] as const).flatMap((field) => {
    const text = value(chosen, field);
    return text ? [`${LABELS[field]}：${text}`] : [];
  });
  return parts.join('  ');
}
