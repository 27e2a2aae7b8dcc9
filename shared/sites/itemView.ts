/** What every channel shows of an item: title, facts (label/value), body and images. */
import { formatPrice, itemTitle, POST_KIND_LABELS, type Block, type ImageRef, type Item } from './model';

export interface Fact {
  label: string;
  value: string;
  /** Phone numbers become tel: links where the channel can dial. */
  tel?: boolean;
}

export function itemFacts(item: Item): Fact[] {
  const facts: (Fact | false | '' | undefined)[] = ((): (Fact | false | '' | undefined)[] => {
    switch (item.kind) {
      case 'article':
        return [item.date && { label: '日期', value: item.date }];
      case 'product':
        return [
          item.model && { label: '型号', value: item.model },
          item.price && { label: '价格', value: formatPrice(item.price) },
          item.spec && { label: '规格', value: item.spec },
          item.category && { label: '分类', value: item.category },
        ];
      case 'job':
        return [
          item.headcount !== undefined && { label: '人数', value: `${item.headcount}名` },
          item.pay && { label: '待遇', value: item.pay },
          item.deadline && { label: '截止', value: item.deadline },
        ];
      case 'post':
        return [
          { label: '类型', value: POST_KIND_LABELS[item.postKind] },
          item.validUntil && { label: '有效期至', value: item.validUntil },
        ];
      case 'staff':
        return [
          item.title && { label: '职务', value: item.title },
          item.department && { label: '部门', value: item.department },
          item.mobile && { label: '手机', value: item.mobile, tel: true },
          item.shortNumber && { label: '短号', value: item.shortNumber },
          item.email && { label: '邮箱', value: item.email },
        ];
    }
  })();
  return facts.filter((f): f is Fact => Boolean(f) && (f as Fact).value.trim() !== '');
}

/** The item's rich text and the field it lives in (for the report's "where to fix it"). */
export function itemBody(item: Item): { blocks: Block[]; field: string } {
  switch (item.kind) {
    case 'article':
      return { blocks: item.body, field: 'body' };
    case 'product':
      return { blocks: item.description, field: 'description' };
    case 'job':
      return { blocks: item.requirements, field: 'requirements' };
    case 'post':
      return { blocks: item.text, field: 'text' };
    case 'staff':
      return { blocks: [], field: 'body' };
  }
}

/** Images shown with the item, with their field paths. */
export function itemImages(item: Item): { image: ImageRef; field: string }[] {
  if (item.kind === 'article' || item.kind === 'product') return item.images.map((image, i) => ({ image, field: `images.${i}` }));
  if (item.kind === 'staff' && item.photo) return [{ image: item.photo, field: 'photo' }];
  return [];
}

/** The title with its kind where that helps: "[求购] 长期求购日照绿茶毛茶". */
export function listTitle(item: Item): string {
  return item.kind === 'post' ? `[${POST_KIND_LABELS[item.postKind]}] ${item.title}` : itemTitle(item);
}

/** A short line under a list entry: price, date, pay. */
export function listNote(item: Item): string {
  switch (item.kind) {
    case 'article':
      return item.date ?? '';
    case 'product':
      return formatPrice(item.price);
    case 'job':
      return item.pay;
    case 'post':
      return item.validUntil ? `有效期至${item.validUntil}` : '';
    case 'staff':
      return item.title;
  }
}
