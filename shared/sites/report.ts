/** What the compiler tells the manager: sizes per page and channel, and problems with where to fix them. */
import type { Channel } from './model';

export type Severity = 'error' | 'warning' | 'info';

export type FindingCode =
  | 'alt.missing'
  | 'image.missing'
  | 'image.too_wide'
  | 'page.too_large'
  | 'page.split'
  | 'column.empty'
  | 'column.no_items'
  | 'column.no_channel'
  | 'item.incomplete'
  | 'photo.unplaced'
  | 'text.markup'
  | 'text.emoji'
  | 'contact.missing'
  | 'contact.no_address'
  | 'domain.label_reserved'
  | 'link.disabled_column'
  | 'sms.menu_too_long'
  | 'sms.menu_label_cut'
  | 'sms.reply_truncated'
  | 'sms.text_too_long';

/** Where the manager fixes it: a column, an item in it, a field (path inside the column or item, e.g. `images.0.alt`). */
export interface Location {
  columnId?: string;
  itemId?: string;
  /** 'profile', 'sms', … for settings outside columns; 'intake' for the unsorted tray. */
  section?: 'profile' | 'sms' | 'template' | 'domain' | 'intake';
  field?: string;
}

export interface Finding {
  severity: Severity;
  code: FindingCode;
  /** English; the UI shows `sites.report.<code>` with `params`. */
  message: string;
  channel?: Channel;
  /** Output path of the page concerned, when it is about one page. */
  path?: string;
  where: Location;
  params?: Record<string, string | number>;
}

export interface PageStat {
  channel: Channel;
  path: string;
  /** Source bytes (UTF-8) of the file. */
  bytes: number;
  /** WAP 1.0: the compiled WBXML size, the one that counts (≤ 1,400). */
  compiledBytes?: number;
  /** WAP 2.0: bytes of the images (and style sheet) the page loads. */
  resourceBytes?: number;
  /** SMS: billed messages of the reply, signature included. */
  messages?: number;
  where: Location;
}

export interface Report {
  pages: PageStat[];
  findings: Finding[];
  summary: { errors: number; warnings: number; infos: number; files: number; bytes: number; pagesPerChannel: Record<Channel, number> };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const compareStrings = (a = '', b = '') => (a < b ? -1 : a > b ? 1 : 0);

/** Errors first, then by channel, page and code: a stable order for the UI and for byte-identical reports. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      compareStrings(a.channel, b.channel) ||
      compareStrings(a.path, b.path) ||
      compareStrings(a.where.columnId, b.where.columnId) ||
      compareStrings(a.where.itemId, b.where.itemId) ||
      compareStrings(a.where.field, b.where.field) ||
      compareStrings(a.code, b.code),
  );
}
