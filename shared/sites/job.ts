/** A unit of compilation (one page, or one file) and what it produced; the cache keeps these per key. */
import { IMAGE_VARIANTS, type AssetResolver, type DerivedImage, type ImageVariant } from './assets';
import type { Channel, Column, ImageRef, Item } from './model';
import { utf8Length } from './markup/text';
import { relativeHref } from './paths';
import type { Finding, Location, PageStat } from './report';

export interface OutputFile {
  /** Path in the output, channel folder first: `web/index.html`, `wap1/c/news.wml`, `sms/menu.json`. */
  path: string;
  channel: Channel;
  mime: string;
  content: string | Uint8Array;
}

/** A derived image a page uses: the caller copies the file the resolver named to `path`. */
export interface AssetUse {
  path: string;
  sha256: string;
  variant: ImageVariant;
}

export interface JobOutput {
  files: OutputFile[];
  pages: PageStat[];
  findings: Finding[];
  assets: AssetUse[];
  /** What the resolver answered while rendering: a cached output is reused only if it still answers the same. */
  resolutions: { sha256: string; variant: ImageVariant; answer: string }[];
  /** Total bytes of the files. */
  bytes: number;
}

export interface Job {
  /** Names the job: unique within a build (channel, page kind, column or item id, page number). */
  id: string;
  /** Everything the job reads besides the site context, as strings: equal keys mean equal output (given equal resolver answers). */
  key: readonly string[];
  run(sink: JobSink): void;
}

/**
 * What a channel compiles: jobs that read the whole site; per column, the jobs of the column as a
 * whole (list pages, its text) and of each item. The compiler makes a column's or a block of items'
 * jobs only when their content changed.
 */
export interface ChannelPlan {
  site: Job[];
  /** Columns this channel shows. */
  columns: Column[];
  /** The column's own pages in units (its text, each list page); `tokens` are its items' content tokens. */
  columnUnits(column: Column, tokens: readonly string[]): Unit[];
  itemJobs(column: Column, item: Item): Job[];
}

/** Jobs made only when their unit's key changed (the compiler adds the column's heading and the site context). */
export interface Unit {
  id: string;
  key: readonly string[];
  jobs(): Job[];
}

/** One unit per list page of `perPage` items: editing an item remakes the jobs of its page only. */
export function listUnits(
  prefix: string,
  tokens: readonly string[],
  perPage: number,
  extraKey: readonly string[],
  job: (page: number, pages: number) => Job,
): Unit[] {
  const pages = Math.max(1, Math.ceil(tokens.length / perPage));
  return Array.from({ length: pages }, (_, i) => ({
    id: `${prefix}:${i + 1}`,
    key: [String(pages), String(perPage), ...extraKey, ...tokens.slice(i * perPage, (i + 1) * perPage)],
    jobs: () => [job(i + 1, pages)],
  }));
}

/** Whether a WAP column has a text page: its own body, or the contact block or guestbook note it always shows. */
export const hasColumnText = (column: Column): boolean =>
  column.body.length > 0 || column.type === 'contact' || column.type === 'guestbook';

/**
 * A WAP column's units: its text page (when it has text, or no items to list instead), then one per
 * list page. The jobs are the channel's own; `bodyToken` is the content token of the column's body.
 */
export function wapColumnUnits(
  column: Column,
  tokens: readonly string[],
  channel: { bodyToken: string; perPage: number; textJob: () => Job; listJob: (page: number, pages: number) => Job },
): Unit[] {
  const units: Unit[] = [];
  const hasText = hasColumnText(column);
  if (hasText || column.items.length === 0)
    units.push({ id: 'text', key: [channel.bodyToken, String(column.items.length > 0)], jobs: () => [channel.textJob()] });
  if (column.items.length) units.push(...listUnits('list', tokens, channel.perPage, [String(hasText)], channel.listJob));
  return units;
}

export interface ResolvedImage extends DerivedImage {
  /** Link from the page being rendered to the image. */
  href: string;
}

/** Percent-encodes anything but unreserved characters and slashes, so a path is safe in src and srcset. */
const safeHref = (href: string): string => href.replace(/[^A-Za-z0-9._~/-]/g, (c) => encodeURIComponent(c));

/** Collects one job's output. */
export class JobSink {
  readonly output: JobOutput = { files: [], pages: [], findings: [], assets: [], resolutions: [], bytes: 0 };
  /** The channel whose folder files go to (content checks write none and take WEB's). */
  readonly channel: Channel;
  /** The channel findings are about unless they name one: none for the content checks. */
  private readonly findingChannel: Channel | undefined;

  constructor(
    channel: Channel | 'lint',
    private readonly resolver: AssetResolver,
    readonly memo: <T>(id: string, key: readonly string[], compute: () => T) => T,
  ) {
    this.channel = channel === 'lint' ? 'web' : channel;
    this.findingChannel = channel === 'lint' ? undefined : channel;
  }

  /** Adds a file; `knownBytes` spares measuring a large text whose size the caller already knows. */
  file(
    path: string,
    mime: string,
    content: string | Uint8Array,
    stat?: Omit<PageStat, 'channel' | 'path' | 'bytes'>,
    knownBytes?: number,
  ): void {
    const full = `${this.channel}/${path}`;
    this.output.files.push({ path: full, channel: this.channel, mime, content });
    const bytes = knownBytes ?? (typeof content === 'string' ? utf8Length(content) : content.length);
    this.output.bytes += bytes;
    if (stat) this.output.pages.push({ channel: this.channel, path: full, bytes, ...stat });
  }

  finding(finding: Omit<Finding, 'channel'> & { channel?: Channel }): void {
    const channel = finding.channel ?? this.findingChannel;
    this.output.findings.push(channel ? { ...finding, channel } : finding);
  }

  /** The derived image for the page at `pagePath`, or undefined (reported) when it is missing. */
  image(ref: ImageRef, variant: ImageVariant, pagePath: string, where: Location): ResolvedImage | undefined {
    const derived = this.resolver.resolve(ref.sha256, variant);
    this.output.resolutions.push({ sha256: ref.sha256, variant, answer: JSON.stringify(derived ?? null) });
    const path = `${this.channel}/${pagePath}`;
    if (!derived) {
      this.finding({
        severity: 'error',
        code: 'image.missing',
        message: `Image ${ref.fileName ?? ref.sha256.slice(0, 12)} is not in the asset store (or could not be derived).`,
        path,
        where,
        params: { file: ref.fileName ?? ref.sha256 },
      });
      return undefined;
    }
    const maxWidth = IMAGE_VARIANTS[variant].maxWidth;
    if (derived.width > maxWidth) {
      this.finding({
        severity: 'error',
        code: 'image.too_wide',
        message: `Image is ${derived.width} px wide; the ${variant} variant must be at most ${maxWidth} px.`,
        path,
        where,
        params: { width: derived.width, max: maxWidth },
      });
    }
    this.output.assets.push({ path: `${this.channel}/${derived.path}`, sha256: ref.sha256, variant });
    return { ...derived, href: safeHref(relativeHref(pagePath, derived.path)) };
  }
}

/** Two job keys are equal: element by element (long strings are compared, never concatenated). */
export const sameKey = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((s, i) => s === b[i]);

/** A stable string key of content (its JSON): equal content, equal key. */
export const contentKey = (value: unknown): string => JSON.stringify(value) ?? 'undefined';
