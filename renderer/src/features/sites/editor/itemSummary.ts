/** The line under an item's title in lists: price, date, kind of post, headcount … */
import { formatPrice, POST_KIND_LABELS, type Item } from '../../../../../shared/sites/model';

export function itemSummary(item: Item): string {
  switch (item.kind) {
    case 'product':
      return [formatPrice(item.price), item.spec, item.category].filter(Boolean).join(' · ');
    case 'article':
      return item.date ?? '';
    case 'job':
      return [item.headcount ? `${item.headcount}人` : '', item.pay].filter(Boolean).join(' · ');
    case 'post':
      return [POST_KIND_LABELS[item.postKind], item.validUntil].filter(Boolean).join(' · ');
    case 'staff':
      return [item.title, item.mobile].filter(Boolean).join(' · ');
  }
}

export const firstImage = (item: Item) =>
  item.kind === 'product' || item.kind === 'article' ? item.images[0] : item.kind === 'staff' ? item.photo : undefined;
