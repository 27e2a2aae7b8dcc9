/**
 * What the site check looks for in the words themselves: markup pasted as text (it shows as code on
 * every channel, since pages escape it) and pictographs an old WAP 1.0 phone has no glyph for.
 * Each text is named by the field path the editor and the report use (`name`, `description.2`).
 */
import { itemBody } from './itemView';
import { runsText, type Block, type Column, type Item, type ListItem, type Profile } from './model';

export interface FieldText {
  field: string;
  text: string;
}

/** HTML elements people paste by accident; "<茶经>" or "<Vintage>" are not among them. */
const HTML_TAGS =
  'a|abbr|audio|b|body|br|button|center|div|em|embed|font|form|h[1-6]|head|hr|html|i|iframe|img|input|li|link|marquee|meta|object|ol|p|script|select|source|span|strong|style|svg|table|tbody|td|textarea|th|title|tr|u|ul|video';
const MARKUP = new RegExp(`<\\/?(?:${HTML_TAGS})(?=[\\s/>])[^<>]{0,40}>?|&(?:[a-z]{2,8}|#\\d{1,7}|#x[0-9a-f]{1,6});`, 'i');

/** Emoji and other pictographs (flags included); ©, ® and ™ are left alone: most phone fonts had them. */
const PICTOGRAPH = /(?![©®™])[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}]\uFE0F?/u;

/** The first piece of markup in a text ("<script>", "&nbsp;"), if any. */
export const markupIn = (text: string): string | undefined => MARKUP.exec(text)?.[0];

/** The first pictograph in a text ("😀"), if any. */
export const pictographIn = (text: string): string | undefined => PICTOGRAPH.exec(text)?.[0];

function listText(items: ListItem[]): string {
  return items.map((i) => runsText(i.runs) + (i.children ? `\n${listText(i.children)}` : '')).join('\n');
}

function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return runsText(block.runs);
    case 'list':
      return listText(block.items);
    case 'table':
      return block.rows.map((row) => row.map(runsText).join(' ')).join('\n');
    case 'image':
      return block.caption ?? '';
  }
}

/** Rich text as one text per block, each named `<field>.<index>`. */
export const blockTexts = (blocks: Block[], field: string): FieldText[] =>
  blocks.map((block, i) => ({ field: `${field}.${i}`, text: blockText(block) }));

/** Every text an item shows, with its field. */
export function itemTexts(item: Item): FieldText[] {
  const plain = (fields: Record<string, string | undefined>) =>
    Object.entries(fields).flatMap(([field, text]) => (text ? [{ field, text }] : []));
  const body = itemBody(item);
  switch (item.kind) {
    case 'article':
      return [...plain({ title: item.title, summary: item.summary }), ...blockTexts(body.blocks, body.field)];
    case 'product':
      return [
        ...plain({
          name: item.name,
          category: item.category,
          spec: item.spec,
          price: item.price?.kind === 'amount' ? item.price.unit : undefined,
        }),
        ...blockTexts(body.blocks, body.field),
      ];
    case 'job':
      return [...plain({ title: item.title, pay: item.pay }), ...blockTexts(body.blocks, body.field)];
    case 'post':
      return [...plain({ title: item.title }), ...blockTexts(body.blocks, body.field)];
    case 'staff':
      return plain({ name: item.name, title: item.title });
  }
}

/** A column's own texts: its title and its text. */
export const columnTexts = (column: Column): FieldText[] => [{ field: 'title', text: column.title }, ...blockTexts(column.body, 'body')];

/** What the profile shows on every page: names, slogan, contact block. */
export function profileTexts(profile: Profile): FieldText[] {
  const { contact } = profile;
  const fields: Record<string, string | undefined> = {
    name: profile.name,
    shortName: profile.shortName,
    slogan: profile.slogan,
    'contact.address': contact.address,
    'contact.person': contact.person,
    'contact.hours': contact.hours,
  };
  return Object.entries(fields).flatMap(([field, text]) => (text ? [{ field, text }] : []));
}
