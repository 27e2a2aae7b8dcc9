/**
 * The content model of one enterprise site (SITES.md): one body of content that the compiler renders
 * for WEB, WAP 2.0, WAP 1.0 and SMS. Rich text is a block tree (see README.md), never HTML.
 */
import { z } from 'zod';
import { CARE_LIST_MAX } from '../domain/careList';
import { isRealDate } from '../domain/dates';
import { checkDomain, checkSiteLabel } from '../domain/domainName';
import { industrySection, isIndustryDivisionOf } from '../domain/industry';

/* ---------- identifiers and small values ---------- */

/** Ids become file names in the output (`web/i/<id>.html`), so they are restricted to URL-safe characters. */
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'site.id.invalid' });

export const isoDateSchema = z.string().refine(isRealDate, { message: 'site.date.invalid' });

const text = (max: number) => z.string().max(max, { message: 'site.text.too_long' });
const requiredText = (max: number) =>
  z.string().trim().min(1, { message: 'site.text.required' }).max(max, { message: 'site.text.too_long' });

/* ---------- images ---------- */

/** A point of interest in an image, 0..1 from the top-left corner: where crops keep their centre. */
export const focalPointSchema = z.object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1) });

/** An image is a reference into the content-addressed asset store; the compiler never sees pixels. */
export const imageRefSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: 'site.image.sha256' }),
  alt: text(200),
  focal: focalPointSchema.optional(),
  /** The customer's original file name: shown in the editor and the report, never used as a path. */
  fileName: text(255).optional(),
});
export type ImageRef = z.infer<typeof imageRefSchema>;
export type FocalPoint = z.infer<typeof focalPointSchema>;

/* ---------- rich text: a block tree ---------- */

export const LINK_SCHEMES = ['http:', 'https:', 'mailto:', 'tel:'] as const;

/** True for the link targets rich text may carry (http, https, mailto, tel). */
export function isAllowedHref(href: string): boolean {
  const match = /^([a-z][a-z0-9+.-]*:)/i.exec(href.trim());
  if (!match) return false;
  if (!(LINK_SCHEMES as readonly string[]).includes(match[1]!.toLowerCase())) return false;
  return !/[\s<>"'`\\]/.test(href) && href.length <= 2000;
}

/** A run of inline text with its marks; a run with `href` is a link. */
export const runSchema = z.object({
  text: z.string(),
  strong: z.boolean().optional(),
  em: z.boolean().optional(),
  href: z.string().refine(isAllowedHref, { message: 'site.link.scheme' }).optional(),
});
export type Run = z.infer<typeof runSchema>;

export interface ListItem {
  runs: Run[];
  /** A nested list of the same kind (ordered or not). */
  children?: ListItem[];
}
export const listItemSchema: z.ZodType<ListItem> = z.lazy(() =>
  z.object({ runs: z.array(runSchema), children: z.array(listItemSchema).optional() }),
);

export const blockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), runs: z.array(runSchema) }),
  z.object({ type: z.literal('heading'), level: z.union([z.literal(2), z.literal(3), z.literal(4)]), runs: z.array(runSchema) }),
  z.object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(listItemSchema) }),
  /** Rows of cells; each cell is a run list. `header`: the first row holds column headings. */
  z.object({ type: z.literal('table'), header: z.boolean(), rows: z.array(z.array(z.array(runSchema))) }),
  z.object({ type: z.literal('image'), image: imageRefSchema, caption: text(200).optional() }),
]);
export type Block = z.infer<typeof blockSchema>;
export type BlockType = Block['type'];
export const richTextSchema = z.array(blockSchema);
export type RichText = Block[];

/* ---------- profile ---------- */

export const phoneSchema = z.object({ label: text(20), number: requiredText(30) });

export const contactBlockSchema = z.object({
  address: text(200),
  /** 邮编, six digits in the mainland. */
  postcode: z
    .string()
    .regex(/^\d{6}$/, { message: 'site.postcode' })
    .optional(),
  phones: z.array(phoneSchema),
  email: text(100).optional(),
  hours: text(100).optional(),
  person: text(50).optional(),
  /** WGS-84 coordinates for a map link (optional). */
  map: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).optional(),
});
export type ContactBlock = z.infer<typeof contactBlockSchema>;

export const industrySchema = z
  .object({
    section: z.string().refine((c) => Boolean(industrySection(c)), { message: 'industry.required' }),
    division: z.string().optional(),
  })
  .refine((i) => !i.division || isIndustryDivisionOf(i.section, i.division), { message: 'industry.division_mismatch', path: ['division'] });

export const profileSchema = z.object({
  name: requiredText(100),
  /** 简称: also the SMS signature 【简称】 unless the SMS settings give another. */
  shortName: requiredText(20),
  logo: imageRefSchema.optional(),
  slogan: text(100),
  industry: industrySchema,
  contact: contactBlockSchema,
});
export type Profile = z.infer<typeof profileSchema>;

/* ---------- columns and items ---------- */

export const COLUMN_TYPES = ['intro', 'news', 'products', 'services', 'jobs', 'supply', 'contact', 'guestbook', 'staff', 'custom'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export const CHANNELS = ['web', 'wap2', 'wap1', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

export const channelSwitchesSchema = z.object({ web: z.boolean(), wap2: z.boolean(), wap1: z.boolean(), sms: z.boolean() });
export type ChannelSwitches = z.infer<typeof channelSwitchesSchema>;

export const articleSchema = z.object({
  kind: z.literal('article'),
  id: idSchema,
  title: requiredText(100),
  date: isoDateSchema.optional(),
  /** One or two sentences: page description, list teaser, SMS reply when the body is long. */
  summary: text(200).optional(),
  body: richTextSchema,
  images: z.array(imageRefSchema),
});

/**
 * Price in integer fen (read by shared/sites/price.ts from what people write), or no amount.
 * `maxFen`: the upper end of a range ("200-400元"); `from`: "180元起"; a negotiable price's `text`
 * is the word the customer used when it is not 面议 (时价, 电议 …).
 */
export const priceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('amount'),
    fen: z.number().int().min(0),
    maxFen: z.number().int().min(0).optional(),
    unit: text(20).optional(),
    from: z.boolean().optional(),
  }),
  z.object({ kind: z.literal('negotiable'), text: text(10).optional() }),
]);
export type Price = z.infer<typeof priceSchema>;

export const productSchema = z.object({
  kind: z.literal('product'),
  id: idSchema,
  name: requiredText(100),
  category: text(50).optional(),
  /** 型号, when the customer gives one ("CK6150"). */
  model: text(50).optional(),
  price: priceSchema.optional(),
  spec: text(200).optional(),
  description: richTextSchema,
  images: z.array(imageRefSchema),
});

export const jobSchema = z.object({
  kind: z.literal('job'),
  id: idSchema,
  title: requiredText(100),
  headcount: z.number().int().min(1).optional(),
  requirements: richTextSchema,
  pay: text(100),
  deadline: isoDateSchema.optional(),
});

export const POST_KINDS = ['supply', 'demand'] as const;
/** Labels for the two kinds of 供求 post. */
export const POST_KIND_LABELS: Record<(typeof POST_KINDS)[number], string> = { supply: '供应', demand: '求购' };

export const postSchema = z.object({
  kind: z.literal('post'),
  id: idSchema,
  postKind: z.enum(POST_KINDS),
  title: requiredText(100),
  text: richTextSchema,
  validUntil: isoDateSchema.optional(),
});

export const staffCardSchema = z.object({
  kind: z.literal('staff'),
  id: idSchema,
  name: requiredText(50),
  title: text(50),
  department: text(50).optional(),
  mobile: text(20),
  /** VPMN 短号 (6 digits in the 动力100 bundles). */
  shortNumber: z
    .string()
    .regex(/^\d{3,8}$/, { message: 'site.short_number' })
    .optional(),
  email: text(100).optional(),
  photo: imageRefSchema.optional(),
});

export const itemSchema = z.discriminatedUnion('kind', [articleSchema, productSchema, jobSchema, postSchema, staffCardSchema]);
export type Item = z.infer<typeof itemSchema>;
export type ItemKind = Item['kind'];
export type Article = z.infer<typeof articleSchema>;
export type Product = z.infer<typeof productSchema>;
export type Job = z.infer<typeof jobSchema>;
export type Post = z.infer<typeof postSchema>;
export type StaffCard = z.infer<typeof staffCardSchema>;

/** Which item kind each column type holds (intro/contact/guestbook/custom may hold sub-pages as articles). */
export const ITEM_KIND_OF_COLUMN: Record<ColumnType, ItemKind> = {
  intro: 'article',
  news: 'article',
  products: 'product',
  services: 'article',
  jobs: 'job',
  supply: 'post',
  contact: 'article',
  guestbook: 'article',
  staff: 'staff',
  custom: 'article',
};

export const columnSchema = z.object({
  id: idSchema,
  type: z.enum(COLUMN_TYPES),
  title: requiredText(30),
  /** Sort key; ties are broken by id so output stays stable. */
  order: z.number().int(),
  channels: channelSwitchesSchema,
  /** The column's own text (the whole page for intro/contact/custom; an introduction above the list otherwise). */
  body: richTextSchema,
  items: z.array(itemSchema),
});
export type Column = z.infer<typeof columnSchema>;

/* ---------- SMS site ---------- */

export const lotteryPrizeSchema = z.object({
  name: requiredText(30),
  /** How many of this prize exist. */
  count: z.number().int().min(1),
  /** Chance of winning it per draw, in 1/10,000 (integers avoid rounding arguments). */
  chancePer10000: z.number().int().min(0).max(10_000),
});

export const lotterySchema = z
  .object({
    enabled: z.boolean(),
    /** What the user texts to draw, e.g. "CJ". */
    keyword: z.string().regex(/^[A-Za-z0-9]{1,10}$/, { message: 'site.sms.keyword' }),
    intro: text(140),
    prizes: z.array(lotteryPrizeSchema).min(1),
    perNumberLimit: z.number().int().min(1),
    startDate: isoDateSchema.optional(),
    endDate: isoDateSchema.optional(),
    winText: text(140),
    loseText: text(140),
  })
  .refine((l) => l.prizes.reduce((sum, p) => sum + p.chancePer10000, 0) <= 10_000, { message: 'site.sms.lottery_odds', path: ['prizes'] });

export const surveySchema = z.object({
  enabled: z.boolean(),
  question: requiredText(140),
  /** Answered by their number: "1" … "9". */
  options: z.array(requiredText(30)).min(2).max(9),
  thanks: text(140),
});

export const careMessageSchema = z.object({
  id: idSchema,
  /** A fixed date, or a yearly one as `--MM-DD` (ISO 8601 without year). */
  date: z.string().refine((d) => isRealDate(d) || /^--(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(d), { message: 'site.date.invalid' }),
  occasion: text(30),
  text: requiredText(500),
});

export const smsSettingsSchema = z.object({
  /** Without brackets; the compiler writes 【signature】. Empty = the profile's short name. */
  signature: text(20),
  /** The operator's service code (106… number) and this enterprise's extension digits. */
  serviceCode: z.string().regex(/^\d{0,21}$/, { message: 'site.sms.service_code' }),
  extension: z.string().regex(/^\d{0,8}$/, { message: 'site.sms.extension' }),
  menu: z.object({
    /** Greeting above the main menu. */
    welcome: text(60),
    /** Line under every submenu, e.g. "回0返回主菜单". */
    back: text(30),
    /** Line under an item list that continues, e.g. "回9下一页". */
    more: text(30),
  }),
  guestbook: z.object({ enabled: z.boolean(), prompt: text(140), thanks: text(140) }),
  lottery: lotterySchema.optional(),
  survey: surveySchema.optional(),
  care: z.array(careMessageSchema),
  /** 关怀名单: numbers the care messages also go to (besides those that texted the site), cleaned by readCareList. */
  careList: z
    .array(z.string().regex(/^1\d{10}$/, { message: 'site.sms.care_mobile' }))
    .max(CARE_LIST_MAX, { message: 'site.sms.care_list_size' })
    .refine((list) => new Set(list).size === list.length, { message: 'site.sms.care_list_duplicate' })
    .optional(),
  /** Longest reply allowed, in billed messages; longer texts are cut to a teaser with a WAP link hint. */
  maxMessagesPerReply: z.number().int().min(1).max(10),
});
export type SmsSettings = z.infer<typeof smsSettingsSchema>;
export type Lottery = z.infer<typeof lotterySchema>;
export type Survey = z.infer<typeof surveySchema>;
export type CareMessage = z.infer<typeof careMessageSchema>;

/* ---------- template choice and domain ---------- */

export const templateChoiceSchema = z.object({
  templateId: z.string().regex(/^[a-z0-9-]{1,40}$/),
  styleId: z.string().regex(/^[a-z0-9-]{1,40}$/),
  /** Overrides of the template's layout, per channel (see templates/types.ts LayoutOptions). */
  options: z
    .object({
      web: z
        .object({
          productLayout: z.enum(['grid', 'list']).optional(),
          itemsPerPage: z.number().int().min(5).max(100).optional(),
          showSlogan: z.boolean().optional(),
        })
        .optional(),
      wap2: z.object({ itemsPerPage: z.number().int().min(3).max(50).optional(), showImages: z.boolean().optional() }).optional(),
      wap1: z.object({ itemsPerPage: z.number().int().min(3).max(9).optional(), showImages: z.boolean().optional() }).optional(),
    })
    .default({}),
});
export type TemplateChoice = z.infer<typeof templateChoiceSchema>;

export const domainSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('own'), name: z.string().refine((n) => checkDomain(n).valid, { message: 'domain.invalid' }) }),
  z.object({ kind: z.literal('assigned'), label: z.string().refine((l) => checkSiteLabel(l).valid, { message: 'domain.label_invalid' }) }),
]);
export type SiteDomain = z.infer<typeof domainSchema>;

/* ---------- unsorted tray ---------- */

/** Intake leftovers the manager can drag into a column; never compiled. */
export const unsortedEntrySchema = z.object({
  id: idSchema,
  /** The file it came from, for display. */
  source: text(255),
  blocks: richTextSchema,
  images: z.array(imageRefSchema),
  note: text(200).optional(),
  /** The text was read from a photo by OCR: shown so the manager checks it against the picture. */
  ocr: z.boolean().optional(),
});
export type UnsortedEntry = z.infer<typeof unsortedEntrySchema>;

/* ---------- the site ---------- */

export const SITE_CONTENT_VERSION = 1;

export const siteContentSchema = z
  .object({
    version: z.literal(SITE_CONTENT_VERSION),
    profile: profileSchema,
    columns: z.array(columnSchema),
    sms: smsSettingsSchema,
    template: templateChoiceSchema,
    domain: domainSchema,
    unsorted: z.array(unsortedEntrySchema),
  })
  .superRefine((site, ctx) => {
    const seen = new Set<string>();
    const unique = (id: string, path: (string | number)[]) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path, message: 'site.id.duplicate' });
      seen.add(id);
    };
    site.columns.forEach((column, c) => {
      unique(column.id, ['columns', c, 'id']);
      column.items.forEach((item, i) => {
        unique(item.id, ['columns', c, 'items', i, 'id']);
        if (item.kind !== ITEM_KIND_OF_COLUMN[column.type])
          ctx.addIssue({ code: 'custom', path: ['columns', c, 'items', i, 'kind'], message: 'site.item.kind_mismatch' });
      });
    });
  });
export type SiteContent = z.infer<typeof siteContentSchema>;
export type SiteContentInput = z.input<typeof siteContentSchema>;

/* ---------- helpers ---------- */

/** The text of a run list, marks dropped. */
export const runsText = (runs: Run[]): string => runs.map((r) => r.text).join('');

function listItemsText(items: ListItem[], out: string[]): void {
  for (const item of items) {
    out.push(runsText(item.runs));
    if (item.children) listItemsText(item.children, out);
  }
}

/** Plain text of rich text: one line per paragraph, heading, list item and table row; images give their caption or alt unless left out. */
export function plainText(blocks: RichText, options: { images?: boolean } = {}): string {
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.type === 'paragraph' || block.type === 'heading') lines.push(runsText(block.runs));
    else if (block.type === 'list') listItemsText(block.items, lines);
    else if (block.type === 'table') for (const row of block.rows) lines.push(row.map(runsText).join(' | '));
    else if (block.type === 'image' && options.images !== false) lines.push(block.caption || block.image.alt);
  }
  return lines.filter((l) => l.trim() !== '').join('\n');
}

/** A paragraph of one plain run: the common case in tests, examples and intake. */
export const paragraph = (content: string): Block => ({ type: 'paragraph', runs: [{ text: content }] });

/** Every image a piece of rich text shows, in order. */
export function imagesIn(blocks: RichText): ImageRef[] {
  return blocks.flatMap((b) => (b.type === 'image' ? [b.image] : []));
}

/** The display title of any item. */
export const itemTitle = (item: Item): string => (item.kind === 'product' || item.kind === 'staff' ? item.name : item.title);

/** Columns sorted for display: by order, then id. */
export const sortedColumns = (site: SiteContent): Column[] =>
  [...site.columns].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

const yuanText = (fen: number): string => {
  const yuan = Math.floor(fen / 100);
  const rest = fen % 100;
  return rest === 0 ? String(yuan) : `${yuan}.${String(rest).padStart(2, '0')}`;
};

/** Formats a price for every channel: "368元", "368.50元/罐", "200-400元/颗", "180元起", "面议", "时价". */
export function formatPrice(price: Price | undefined): string {
  if (!price) return '';
  if (price.kind === 'negotiable') return price.text || '面议';
  const amount =
    price.maxFen !== undefined && price.maxFen > price.fen ? `${yuanText(price.fen)}-${yuanText(price.maxFen)}` : yuanText(price.fen);
  return `${amount}元${price.unit ? `/${price.unit}` : ''}${price.from ? '起' : ''}`;
}
