/** A new item of a column's kind, with a placeholder title the manager overwrites. */
import type { ItemInput } from '../../../../../shared/api/sites';
import { ITEM_KIND_OF_COLUMN, type ColumnType } from '../../../../../shared/sites/model';

export function newItem(type: ColumnType, t: (key: string) => string): ItemInput {
  const kind = ITEM_KIND_OF_COLUMN[type];
  switch (kind) {
    case 'article':
      return { kind, title: t('sites.item.newArticle'), body: [], images: [] };
    case 'product':
      return { kind, name: t('sites.item.newProduct'), description: [], images: [] };
    case 'job':
      return { kind, title: t('sites.item.newJob'), requirements: [], pay: '' };
    case 'post':
      return { kind, postKind: 'supply', title: t('sites.item.newPost'), text: [] };
    case 'staff':
      return { kind, name: t('sites.item.newStaff'), title: '', mobile: '' };
  }
}
