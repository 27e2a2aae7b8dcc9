/** The compiled pages of a channel, named for people (首页, a column, an item, with page numbers). */
import type { TFunction } from 'i18next';
import { itemTitle, type Channel, type SiteContent } from '../../../../../shared/sites/model';
import type { Compiled } from '../state/compiledStore';

export interface PreviewPage {
  path: string;
  label: string;
  columnId?: string;
  itemId?: string;
  page: number;
}

const PAGE_EXT: Record<Exclude<Channel, 'sms'>, string> = { web: '.html', wap2: '.xhtml', wap1: '.wml' };

export function pagesOf(compiled: Compiled | null, channel: Exclude<Channel, 'sms'>, content: SiteContent, t: TFunction): PreviewPage[] {
  if (!compiled) return [];
  const columns = new Map(content.columns.map((c) => [c.id, c]));
  const items = new Map(content.columns.flatMap((c) => c.items.map((i) => [i.id, i] as const)));
  return compiled.result.report.pages
    .filter((p) => p.channel === channel && p.path.endsWith(PAGE_EXT[channel]))
    .map((p) => {
      const page = Number(/-(\d+)\.[a-z]+$/.exec(p.path)?.[1] ?? 1);
      const item = p.where.itemId ? items.get(p.where.itemId) : undefined;
      const column = p.where.columnId ? columns.get(p.where.columnId) : undefined;
      const name = item ? `${column?.title ?? ''} › ${itemTitle(item)}` : column ? column.title : t('sites.preview.home');
      const label = page > 1 ? t('sites.preview.pageN', { name, page }) : name;
      return {
        path: p.path,
        label,
        page,
        ...(p.where.columnId ? { columnId: p.where.columnId } : {}),
        ...(p.where.itemId ? { itemId: p.where.itemId } : {}),
      };
    })
    .sort((a, b) => order(a) - order(b) || (a.path < b.path ? -1 : 1));
}

function order(p: PreviewPage): number {
  if (!p.columnId) return 0;
  return p.itemId ? 2 : 1;
}

/** The page that shows what the editor has selected: the item's, else the column's, else the home page. */
export function pageForSelection(pages: PreviewPage[], selection: { columnId?: string; itemId?: string }): string | undefined {
  const first = (match: (p: PreviewPage) => boolean) => pages.filter(match).sort((a, b) => a.page - b.page)[0]?.path;
  if (selection.itemId) {
    const found = first((p) => p.itemId === selection.itemId);
    if (found) return found;
  }
  if (selection.columnId) {
    const found = first((p) => p.columnId === selection.columnId && !p.itemId);
    if (found) return found;
  }
  return first((p) => !p.columnId);
}
