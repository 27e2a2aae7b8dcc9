/**
 * Site builder procedures (issue 3): the site of an enterprise, edits for the editor, intake of the
 * customer's material with its guesses and problems, build, preview, export and sign-off.
 */
import { z } from 'zod';
import {
  articleSchema,
  CHANNELS,
  channelSwitchesSchema,
  columnSchema,
  COLUMN_TYPES,
  contactBlockSchema,
  domainSchema,
  idSchema,
  itemSchema,
  jobSchema,
  postSchema,
  productSchema,
  profileSchema,
  richTextSchema,
  siteContentSchema,
  smsSettingsSchema,
  staffCardSchema,
  templateChoiceSchema,
  unsortedEntrySchema,
} from '../sites/model';
import { documentSchema } from './orders';
import { mutation, query } from './contract';

/* ---------- intake: problems and guesses ---------- */

/** A file that could not be used (or only partly): `code` is stable, `message` says why. */
export const intakeProblemSchema = z.object({ file: z.string(), code: z.string(), message: z.string() });
export type IntakeProblem = z.infer<typeof intakeProblemSchema>;

export const GUESS_RULES = [
  'column.keyword',
  /** No heading names a column; the file's (or folder's) name does: 供求信息.txt → supply. */
  'column.file_name',
  /** No heading names a column; the lines are priced items, posts, jobs or dated news. */
  'column.content',
  'item.subheading',
  /** A table row, its cells mapped by the header (or by what the columns hold). */
  'item.table_row',
  /** A paragraph or list item that is an item by itself: "数控编程工程师 2名：…", "九转大肠 58元". */
  'item.line',
  'post.tag',
  'photo.file_name',
  /** The photo's name carries the item's model number: XK7132.jpg → 数控铣床 XK7132. */
  'photo.model',
  /** The photo is named in pinyin: hongshaorou.jpg → 招牌红烧肉 (or sounds the same: 宫爆 / 宫保). */
  'photo.pinyin',
  /** The photo's name differs from the item's by a character or two. */
  'photo.similar',
  /** Photos numbered 产品1.jpg … 产品N.jpg, as many as the products: the n-th photo → the n-th product in list order. */
  'photo.order',
  /** A photo of a place (厂区全景, 车间, 门店 …) → the intro column's pictures. */
  'photo.place',
  /** A camera-named photo described in a caption list ("图片说明.txt": "IMG_….jpg  打好包的纸箱") → the item the caption names, else the intro column's pictures. */
  'photo.caption',
  /** A photo no item fits, named as a product ("实木餐桌 1280元.jpg"; in a folder of photos only, any telling name) → a new product with it. */
  'photo.new_item',
  /** A photo named by a prize ("获奖合影.jpg") → the one news item telling of a prize won. */
  'photo.event',
  'photo.embedded',
  'profile.logo',
  'profile.contact',
  'profile.short_name',
  'domain.enterprise_file',
  'template.colour',
  'sms.lottery',
  'sms.care',
] as const;
export type GuessRule = (typeof GUESS_RULES)[number];

/** What a guess created or changed, so that undoing it can put things back. */
export const guessTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('column'), columnId: z.string() }),
  z.object({ kind: z.literal('item'), itemId: z.string() }),
  z.object({ kind: z.literal('itemImage'), itemId: z.string(), sha256: z.string() }),
  /** A picture added to a column's own text (the intro column's gallery). */
  z.object({ kind: z.literal('columnImage'), columnId: z.string(), sha256: z.string() }),
  z.object({ kind: z.literal('logo'), sha256: z.string(), before: z.string().optional() }),
  z.object({ kind: z.literal('contact'), before: contactBlockSchema }),
  z.object({ kind: z.literal('shortName'), before: z.string() }),
  z.object({ kind: z.literal('domain'), before: domainSchema }),
  z.object({ kind: z.literal('template'), before: templateChoiceSchema }),
  z.object({ kind: z.literal('lottery'), sourceText: z.string() }),
  z.object({ kind: z.literal('care'), careId: z.string(), sourceText: z.string() }),
]);
export type GuessTarget = z.infer<typeof guessTargetSchema>;

/** One decision the auto-structuring made: which rule put what where. The editor lists and undoes them. */
export const guessSchema = z.object({
  id: z.string(),
  rule: z.enum(GUESS_RULES),
  /** The file the material came from. */
  source: z.string(),
  /** A plain English sentence with the Chinese values (the UI may phrase it from rule + params). */
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  target: guessTargetSchema,
});
export type Guess = z.infer<typeof guessSchema>;

export const intakeStateSchema = z.object({
  guesses: z.array(guessSchema),
  /** The problems of the latest import. */
  problems: z.array(intakeProblemSchema),
  /** Files already imported (by content), so importing a folder again skips them. */
  imported: z.array(z.object({ file: z.string(), sha256: z.string() })).optional(),
});
export type IntakeState = z.infer<typeof intakeStateSchema>;

/* ---------- the site ---------- */

export const siteSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  /** Counts saves; send it back with an edit to be told (`site.stale`) when someone else saved in between. */
  revision: z.number().int(),
  content: siteContentSchema,
  intake: intakeStateSchema,
  /** The revision the customer signed off, if any. */
  signedOffRevision: z.number().int().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Site = z.infer<typeof siteSchema>;

/** A column without its items: its own fields and the ids of its items, in order. */
export const columnHeadSchema = columnSchema.omit({ items: true }).extend({ itemIds: z.array(z.string()) });
export type ColumnHead = z.infer<typeof columnHeadSchema>;

/**
 * An edit's answer: the revision it made and the parts of the site it changed, each whole — never
 * the rest of the site (a 1,000-item site is megabytes). `applySiteDelta` (siteDelta.ts) puts it
 * onto the revision before.
 */
export const siteDeltaSchema = z.object({
  siteId: z.string(),
  revision: z.number().int(),
  updatedAt: z.string(),
  profile: profileSchema.optional(),
  sms: smsSettingsSchema.optional(),
  template: templateChoiceSchema.optional(),
  domain: domainSchema.optional(),
  unsorted: z.array(unsortedEntrySchema).optional(),
  intake: intakeStateSchema.optional(),
  /** The ids of the site's columns in order, when a column came or went. */
  columnIds: z.array(z.string()).optional(),
  /** Columns whose own fields or list of items changed. */
  columns: z.array(columnHeadSchema).optional(),
  /** Items that are new or changed, wherever they are now. */
  items: z.array(itemSchema).optional(),
});
export type SiteDelta = z.infer<typeof siteDeltaSchema>;

/** Every edit names the site and, optionally, the revision it was made on. */
const edit = <T extends z.ZodRawShape>(shape: T) =>
  z.object({ siteId: z.string().min(1), revision: z.number().int().min(1).optional(), ...shape });

/** An item as the editor sends it: the id may be left out for a new item. */
export const itemInputSchema = z.discriminatedUnion('kind', [
  articleSchema.extend({ id: idSchema.optional() }),
  productSchema.extend({ id: idSchema.optional() }),
  jobSchema.extend({ id: idSchema.optional() }),
  postSchema.extend({ id: idSchema.optional() }),
  staffCardSchema.extend({ id: idSchema.optional() }),
]);
export type ItemInput = z.infer<typeof itemInputSchema>;

const columnTitle = z.string().trim().min(1, { message: 'site.text.required' }).max(30, { message: 'site.text.too_long' });

/** Where an entry of the unsorted tray goes. */
export const trayTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('newColumn'), type: z.enum(COLUMN_TYPES), title: columnTitle }),
  z.object({ kind: z.literal('columnBody'), columnId: z.string() }),
  /** A new item of the column's kind, titled from the entry's first line unless `title` is given. */
  z.object({ kind: z.literal('newItem'), columnId: z.string(), title: z.string().trim().max(100).optional() }),
  z.object({ kind: z.literal('itemImages'), itemId: z.string() }),
  z.object({ kind: z.literal('logo') }),
]);
export type TrayTarget = z.infer<typeof trayTargetSchema>;

/* ---------- import, build, export ---------- */

export const MAX_UPLOAD_FILES = 200;
/** Per uploaded file (browser mode); larger files go through a path (desktop, CLI). */
export const MAX_UPLOAD_BASE64_CHARS = 28_000_000;

export const importInputSchema = z
  .object({
    enterpriseId: z.string().min(1),
    /** Files or folders on this machine (desktop app, CLI). */
    paths: z.array(z.string().min(1)).max(MAX_UPLOAD_FILES).optional(),
    /** Uploaded files (browser mode): the name as the user chose it and the bytes as base64. */
    files: z
      .array(
        z.object({
          name: z.string().trim().min(1).max(255),
          base64: z.string().max(MAX_UPLOAD_BASE64_CHARS, { message: 'site.import.file_too_large' }),
        }),
      )
      .max(MAX_UPLOAD_FILES)
      .optional(),
    /** Chosen by the caller to match `job.progress` events to this import. */
    jobId: z.string().max(64).optional(),
  })
  .refine((i) => (i.paths?.length ?? 0) + (i.files?.length ?? 0) > 0, { message: 'site.import.nothing', path: ['paths'] });

export const importReportSchema = z.object({
  siteId: z.string(),
  revision: z.number().int(),
  columns: z.array(z.object({ id: z.string(), type: z.enum(COLUMN_TYPES), title: z.string(), items: z.number().int() })),
  unsorted: z.number().int(),
  problems: z.array(intakeProblemSchema),
  /** The guesses this import made (all guesses are also in `site.intake`). */
  guesses: z.array(guessSchema),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const manifestFileSchema = z.object({ path: z.string(), channel: z.enum(CHANNELS), mime: z.string(), bytes: z.number().int() });
export type ManifestFile = z.infer<typeof manifestFileSchema>;

const locationSchema = z.object({
  columnId: z.string().optional(),
  itemId: z.string().optional(),
  section: z.enum(['profile', 'sms', 'template', 'domain', 'intake']).optional(),
  field: z.string().optional(),
});

/** The compiler's report (shared/sites/report.ts), passed through as data. */
export const buildReportSchema = z.object({
  pages: z.array(
    z.object({
      channel: z.enum(CHANNELS),
      path: z.string(),
      bytes: z.number().int(),
      compiledBytes: z.number().int().optional(),
      resourceBytes: z.number().int().optional(),
      messages: z.number().int().optional(),
      where: locationSchema,
    }),
  ),
  findings: z.array(
    z.object({
      severity: z.enum(['error', 'warning', 'info']),
      code: z.string(),
      message: z.string(),
      channel: z.enum(CHANNELS).optional(),
      path: z.string().optional(),
      where: locationSchema,
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  ),
  summary: z.object({
    errors: z.number().int(),
    warnings: z.number().int(),
    infos: z.number().int(),
    files: z.number().int(),
    bytes: z.number().int(),
    pagesPerChannel: z.record(z.enum(CHANNELS), z.number().int()),
  }),
});

export const buildResultSchema = z.object({
  siteId: z.string(),
  revision: z.number().int(),
  files: z.array(manifestFileSchema),
  report: buildReportSchema,
});

export const exportResultSchema = z.object({
  siteId: z.string(),
  revision: z.number().int(),
  /** The folder with web/, wap2/, wap1/, sms/ and manifest.json. */
  dir: z.string(),
  /** The same files in one zip beside the folder (absent when not asked for). */
  zipPath: z.string().optional(),
  zipBytes: z.number().int().optional(),
  files: z.number().int(),
  report: buildReportSchema.shape.summary,
});

export const previewSchema = z.object({
  path: z.string(),
  mime: z.string(),
  content: z.string(),
  /** The pictures the page shows, by their path in the output, so a preview works offline. */
  images: z.array(z.object({ path: z.string(), mime: z.string(), base64: z.string() })),
});

export const imageDataSchema = z.object({
  sha256: z.string(),
  mime: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  base64: z.string(),
});

export const sitesApi = {
  'sites.create': mutation(z.object({ enterpriseId: z.string().min(1) }), siteSchema),
  'sites.get': query(z.object({ siteId: z.string().min(1) }), siteSchema, { reads: ['site'] }),
  'sites.getForEnterprise': query(z.object({ enterpriseId: z.string().min(1) }), siteSchema.nullable(), { reads: ['site'] }),
  'sites.updateProfile': mutation(edit({ profile: profileSchema }), siteDeltaSchema),
  'sites.addColumn': mutation(
    edit({ type: z.enum(COLUMN_TYPES), title: columnTitle, channels: channelSwitchesSchema.optional() }),
    siteDeltaSchema,
  ),
  'sites.updateColumn': mutation(
    edit({
      columnId: z.string(),
      title: columnTitle.optional(),
      channels: channelSwitchesSchema.optional(),
      body: richTextSchema.optional(),
    }),
    siteDeltaSchema,
  ),
  /** The column's text and items go to the unsorted tray unless `discard` is set. */
  'sites.removeColumn': mutation(edit({ columnId: z.string(), discard: z.boolean().default(false) }), siteDeltaSchema),
  'sites.reorderColumns': mutation(edit({ columnIds: z.array(z.string()).min(1) }), siteDeltaSchema),
  'sites.addItem': mutation(
    edit({ columnId: z.string(), item: itemInputSchema, index: z.number().int().min(0).optional() }),
    siteDeltaSchema,
  ),
  'sites.updateItem': mutation(edit({ itemId: z.string(), item: itemInputSchema }), siteDeltaSchema),
  'sites.removeItem': mutation(edit({ itemId: z.string(), toTray: z.boolean().default(false) }), siteDeltaSchema),
  'sites.reorderItems': mutation(edit({ columnId: z.string(), itemIds: z.array(z.string()) }), siteDeltaSchema),
  /** Moves an item to another column of the same kind (or another place in its own). */
  'sites.moveItem': mutation(
    edit({ itemId: z.string(), columnId: z.string(), index: z.number().int().min(0).optional() }),
    siteDeltaSchema,
  ),
  'sites.moveFromTray': mutation(edit({ entryId: z.string(), target: trayTargetSchema }), siteDeltaSchema),
  'sites.discardTrayEntry': mutation(edit({ entryId: z.string() }), siteDeltaSchema),
  /** Reverses one guess of an import: what it created goes back to the tray, what it changed is restored. */
  'sites.undoGuess': mutation(edit({ guessId: z.string() }), siteDeltaSchema),
  'sites.setTemplate': mutation(edit({ template: templateChoiceSchema }), siteDeltaSchema),
  /** Own domain (IDN allowed) or a label under the operator's domain; checked with checkDomain / checkSiteLabel. */
  'sites.setDomain': mutation(
    edit({
      domain: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('own'), name: z.string().max(253) }),
        z.object({ kind: z.literal('assigned'), label: z.string().max(63) }),
      ]),
    }),
    siteDeltaSchema,
  ),
  'sites.updateSms': mutation(edit({ sms: smsSettingsSchema }), siteDeltaSchema),
  /** Reads Word, text and photo files into the enterprise's site (made if it has none), reporting progress as `job.progress`. */
  'sites.import': mutation(importInputSchema, importReportSchema),
  /** Compiles every channel and reports; nothing is written. Pictures without derived sizes yet are made first (progress as `job.progress`). */
  'sites.build': query(z.object({ siteId: z.string().min(1), jobId: z.string().max(64).optional() }), buildResultSchema, {
    reads: ['site', 'asset'],
  }),
  /** One compiled page with the pictures it shows. `path` as in the build's file list, e.g. `wap1/index.wml`. */
  'sites.preview': query(z.object({ siteId: z.string().min(1), path: z.string().min(1).max(300) }), previewSchema, {
    reads: ['site', 'asset'],
  }),
  /**
   * Writes the four channels and manifest.json into `outDir` (default: under the data folder) and the
   * same files as `<outDir>.zip` unless `zip` is false; refuses when the report has errors unless `force`.
   */
  'sites.export': mutation(
    z.object({
      siteId: z.string().min(1),
      outDir: z.string().min(1).optional(),
      force: z.boolean().default(false),
      zip: z.boolean().default(true),
    }),
    exportResultSchema,
  ),
  /** The customer's signature on the previews: a 网站确认单 PDF stored as a `site_signoff` document. */
  'sites.signOff': mutation(
    z.object({
      siteId: z.string().min(1),
      signerName: z.string().trim().min(1, { message: 'signer.required' }).max(50),
      signaturePngBase64: z.string().min(100, { message: 'signature.required' }).max(2_000_000),
    }),
    z.object({ site: siteSchema, document: documentSchema }),
  ),
  /** A stored picture (the original, or a derived size) with its bytes as base64, for scripts (the window loads `files.image`). */
  'sites.image': query(
    z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), variant: z.enum(['web480', 'web1200', 'wap2', 'wap1']).optional() }),
    imageDataSchema,
    { reads: [] },
  ),
};
