/** A nested list as flat rows with a depth (what the editor shows), and back. */
import type { ListItem, Run } from '../../../../../../shared/sites/model';

export interface ListRow {
  depth: number;
  runs: Run[];
}

export function flatten(items: ListItem[], depth = 0, out: ListRow[] = []): ListRow[] {
  for (const item of items) {
    out.push({ depth, runs: item.runs });
    if (item.children?.length) flatten(item.children, depth + 1, out);
  }
  return out;
}

/** Depths are clamped so that a row is at most one level deeper than the row above it. */
export function unflatten(rows: ListRow[]): ListItem[] {
  const root: ListItem[] = [];
  const stack: { depth: number; children: ListItem[] }[] = [{ depth: -1, children: root }];
  for (const row of rows) {
    const depth = Math.min(row.depth, stack.length - 1);
    while (stack.length > 1 && stack[stack.length - 1]!.depth >= depth) stack.pop();
    const item: ListItem = { runs: row.runs };
    stack[stack.length - 1]!.children.push(item);
    const children: ListItem[] = [];
    item.children = children;
    stack.push({ depth, children });
  }
  const prune = (items: ListItem[]) =>
    items.forEach((i) => {
      if (i.children?.length) prune(i.children);
      else delete i.children;
    });
  prune(root);
  return root;
}
