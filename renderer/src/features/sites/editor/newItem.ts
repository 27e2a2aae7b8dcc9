/** A new item of a column's kind, blank: the manager names it before it is added. */
import { ITEM_KIND_OF_COLUMN, type ColumnType, type Item } from '../../../../../shared/sites/model';
import { NEW_ITEM_ID } from '../state/drafts';

export function blankItem(type: ColumnType): Item {
  const kind = ITEM_KIND_OF_COLUMN[type];
  const id = NEW_ITEM_ID;
  switch (kind) {
    case 'article':
      return { kind, id, title: '', body: [], images: [] };
    case 'product':
      return { kind, id, name: '', description: [], images: [] };
    case 'job':
      return { kind, id, title: '', requirements: [], pay: '' };
    case 'post':
      return { kind, id, postKind: 'supply', title: '', text: [] };
    case 'staff':
      return { kind, id, name: '', title: '', mobile: '' };
  }
}
