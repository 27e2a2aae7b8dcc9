/** Photos matched to items by file name: 普洱.jpg → the product 云南普洱熟茶; logo.png → the profile's logo. */
import path from 'node:path';
import { itemTitle, type Column, type Item } from '../../../../shared/sites/model';

/** "普洱-2.JPG", "普洱 (1).jpg", "普洱_a.jpg" → "普洱". */
export function photoStem(fileName: string): string {
  const base = path.basename(fileName, path.extname(fileName)).normalize('NFC').trim();
  return base.replace(/[\s_-]*[（(]?\d{1,3}[)）]?$/, '').replace(/[\s_-]+[a-z]$/i, '').trim() || base;
}

const LOGO_NAMES = /^(logo|标志|商标|徽标|企业标志|公司标志|企业logo|公司logo|标识)$/i;

export const isLogoName = (fileName: string) => LOGO_NAMES.test(photoStem(fileName)) || /^logo[\s_-]/i.test(photoStem(fileName));

export type PhotoMatch = { kind: 'item'; item: Item; column: Column } | { kind: 'ambiguous'; candidates: string[] } | { kind: 'none' };

/** The one item whose title contains the photo's stem (or is contained in it); ambiguous when several do. */
export function matchPhoto(fileName: string, columns: Column[]): PhotoMatch {
  const stem = photoStem(fileName).toLowerCase();
  if (stem.length < 2) return { kind: 'none' };
  const candidates = columns.flatMap((column) =>
    column.items
      .filter((item) => item.kind !== 'job')
      .filter((item) => {
        const title = itemTitle(item).toLowerCase();
        return title.includes(stem) || (title.length >= 2 && stem.includes(title));
      })
      .map((item) => ({ item, column })),
  );
  if (candidates.length === 1) return { kind: 'item', ...candidates[0]! };
  if (candidates.length > 1) return { kind: 'ambiguous', candidates: candidates.map((c) => itemTitle(c.item)) };
  return { kind: 'none' };
}
