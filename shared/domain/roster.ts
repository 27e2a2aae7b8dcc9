/**
 * The VPMN roster (集团成员名单) of an enterprise: its members, how a roster file's columns are
 * recognised, what an import would change, and why a row is refused. Shared by the backend (which
 * reads files and decides), the renderer (which shows the preview) and the CLI.
 */
import { z } from 'zod';
import { shortNumberRulesSchema } from './shortNumbers';

export const ROSTER_FIELDS = ['name', 'mobile', 'department', 'title', 'shortNumber', 'extension', 'email'] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

/**
 * Headers as Chinese rosters spell them, best first. A header is compared after dropping spaces,
 * bracketed notes ("手机号码（必填）") and required marks (*); "电话" maps to the mobile only when no
 * column says 手机.
 */
export const HEADER_ALIASES: Record<RosterField, readonly string[]> = {
  name: ['姓名', '成员姓名', '员工姓名', '名字', '用户姓名', 'name'],
  mobile: [
    '手机',
    '手机号',
    '手机号码',
    '移动电话',
    '手机号码号',
    'mobile',
    'mobilephone',
    'cellphone',
    '联系电话',
    '电话',
    '电话号码',
    'phone',
    '联系方式',
    '联系号码',
    '通讯方式',
  ],
  department: ['部门', '所属部门', '部门名称', '科室', '单位部门', 'department', 'dept'],
  title: ['职务', '职位', '岗位', '职称', 'title', 'position', 'jobtitle'],
  shortNumber: ['短号', '集团短号', '手机短号', 'v网短号', 'vpmn短号', '虚拟网短号', '短号码', 'shortnumber', 'short'],
  extension: ['分机', '分机号', '分机号码', '总机分机', 'extension', 'ext'],
  email: ['邮箱', '电子邮箱', '邮件', '电子邮件', 'email', 'e-mail', 'mail'],
};

export const columnMappingSchema = z.object(
  Object.fromEntries(ROSTER_FIELDS.map((f) => [f, z.number().int().min(0).max(200).nullable()])) as Record<
    RosterField,
    z.ZodNullable<z.ZodNumber>
  >,
);
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/** A refused row's reason: stable codes (the UI shows `roster.refused.<code>`). */
export const REFUSAL_CODES = [
  'roster.name_missing',
  'roster.mobile_missing',
  'roster.mobile_scientific',
  'roster.mobile_invalid',
  'roster.not_china_mobile',
  'roster.duplicate_in_file',
  'roster.in_other_group',
  'roster.no_short_number',
  'roster.formula_without_value',
  'roster.member_pending',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export const refusedRowSchema = z.object({
  /** The row number as the spreadsheet shows it (1 = the first line of the file). */
  row: z.number().int(),
  /** The sheet the row is on, when several sheets are imported together. */
  sheet: z.string().optional(),
  code: z.enum(REFUSAL_CODES),
  message: z.string(),
  name: z.string().optional(),
  mobile: z.string().optional(),
  /** The row this one repeats (duplicates). */
  sameAsRow: z.number().int().optional(),
  /** The operator the number's prefix belongs to (not China Mobile). */
  carrier: z.string().optional(),
});
export type RefusedRow = z.infer<typeof refusedRowSchema>;

export const MEMBER_STATES = ['draft', 'pending', 'active', 'conflict', 'removing'] as const;
export type MemberState = (typeof MEMBER_STATES)[number];

export const memberFieldsSchema = z.object({
  name: z.string().trim().min(1, { message: 'roster.name_missing' }).max(50),
  mobile: z.string(),
  department: z.string().trim().max(50),
  title: z.string().trim().max(50),
  email: z.string().trim().max(100).nullable(),
  shortNumber: z.string().nullable(),
  extension: z.string().trim().max(8).nullable(),
});
export type MemberFields = z.infer<typeof memberFieldsSchema>;

export const rosterMemberSchema = memberFieldsSchema.extend({
  id: z.string(),
  enterpriseId: z.string(),
  chinaMobile: z.boolean(),
  /** Confirmed by hand as moved to China Mobile (携号转网) although its prefix is another operator's. */
  portedIn: z.boolean(),
  /** Agreed to a staff card (员工名片) on the enterprise's site. */
  cardConsent: z.boolean(),
  photoSha256: z.string().nullable(),
  state: z.enum(MEMBER_STATES),
  /** The platform's refusal of this member's last change, until it is resolved. */
  conflict: z.object({ code: z.string(), message: z.string(), heldBy: z.string().optional() }).nullable(),
  /** The short number the platform confirmed (null before the first confirmation). */
  confirmedShortNumber: z.string().nullable(),
});
export type RosterMember = z.infer<typeof rosterMemberSchema>;

const previewMemberSchema = z.object({
  row: z.number().int(),
  sheet: z.string().optional(),
  name: z.string(),
  mobile: z.string(),
  department: z.string(),
  title: z.string(),
  shortNumber: z.string().nullable(),
  extension: z.string().nullable(),
  email: z.string().nullable(),
  /** Why the file's short number was not kept, or why the department's block was not used. */
  numberNote: z.string().optional(),
});
export type PreviewMember = z.infer<typeof previewMemberSchema>;

/** The `sheet` that stands for every sheet of a workbook whose sheets share one header (one sheet per department). */
export const ALL_SHEETS = '*';

export const importPreviewSchema = z.object({
  fileKind: z.enum(['xlsx', 'xls', 'docx', 'csv', 'paste']),
  sheets: z.array(z.string()),
  sheet: z.string(),
  /** The header row's number (1-based), 0 when the file has none. */
  headerRow: z.number().int(),
  columns: z.array(z.object({ index: z.number().int(), header: z.string(), samples: z.array(z.string()) })),
  mapping: columnMappingSchema,
  added: z.array(previewMemberSchema),
  changed: z.array(
    previewMemberSchema.extend({ memberId: z.string(), fields: z.array(z.string()), before: previewMemberSchema.omit({ row: true }) }),
  ),
  removed: z.array(z.object({ memberId: z.string(), name: z.string(), mobile: z.string(), shortNumber: z.string().nullable() })),
  unchanged: z.number().int(),
  refused: z.array(refusedRowSchema),
  /** Members of the group after the import. */
  members: z.number().int(),
  /** Whether members already in other groups could be checked with the platform. */
  otherGroupsChecked: z.enum(['platform', 'this_device']),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export { shortNumberRulesSchema };
