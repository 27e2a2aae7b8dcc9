/** Product categories in listings: every channel lists a column's products under a heading per category the same way. */
import { runsText, type Column, type Item } from './model';

export interface CategoryGroup {
  category: string | undefined;
  items: Item[];
}

/** The products of a category, in the order the category first appears; items without one have no heading. */
export function byCategory(items: Item[]): CategoryGroup[] {
  const groups: CategoryGroup[] = [];
  for (const item of items) {
    const category = item.kind === 'product' ? item.category : undefined;
    const group = groups.find((g) => g.category === category);
    if (group) group.items.push(item);
    else groups.push({ category, items: [item] });
  }
  return groups;
}

/**
 * Whether a listing shows its products under a heading per category: two categories or more, and none of them
 * already a heading in the column's text (a site imported before, or headings the manager wrote) — shown twice else.
 */
export function listsByCategory(column: Column): boolean {
  const categories = new Set(column.items.flatMap((item) => (item.kind === 'product' && item.category ? [item.category] : [])));
  const headings = column.body.flatMap((b) => (b.type === 'heading' ? [runsText(b.runs).trim()] : []));
  return categories.size >= 2 && !headings.some((heading) => categories.has(heading));
}

/** A list page's groups (one without a heading when the column does not list by category), each with its first item's number. */
export function numberedGroups(items: Item[], byCategories: boolean): (CategoryGroup & { first: number })[] {
  let next = 1;
  return (byCategories ? byCategory(items) : [{ category: undefined, items }]).map((group) => {
    const first = next;
    next += group.items.length;
    return { ...group, first };
  });
}

/** What a list page's look depends on besides its items' labels. */
export const categoryKey = (item: Item): string => (item.kind === 'product' ? (item.category ?? '') : '');
