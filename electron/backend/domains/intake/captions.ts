/**
 * A list of photo captions beside camera-named photos ("图片说明.txt": "IMG_20261128_101630.jpg  打好包的纸箱（黄纸板）"):
 * each line says what one photo shows, so the caption — not the camera's name — tells which item the photo goes
 * with; a described photo no item fits is one the customer wants shown, in the gallery.
 */
import { itemTitle, type Column, type Item } from '../../../../shared/sites/model';
import { isPlaceName } from './photos';

export interface PhotoCaption {
  /** The photo's file name as the list writes it. */
  photo: string;
  caption: string;
  /** The list's own file (the photo is looked for in its folder first). */
  from: string;
}

const CAPTION_LINE =
  /^\s*(?:\d{1,3}\s*[.、．]\s*)?([^\s：:，,]+?\.(?:jpe?g|png|gif|webp|heic|heif|bmp|tiff?))\s*(?:[：:—–\-，,]\s*|\s+)(\S.*?)\s*$/i;

/**
 * The captions of a text that is a caption list: two lines or more each a photo's file name and what it shows,
 * most of the text's lines. The other lines (a heading "图片说明") are returned to be read as text.
 */
export function captionList(text: string, from: string): { captions: PhotoCaption[]; rest: string[] } | undefined {
  const lines = text.split('\n').filter((line) => line.trim());
  const captions: PhotoCaption[] = [];
  const rest: string[] = [];
  for (const line of lines) {
    const match = CAPTION_LINE.exec(line);
    if (match) captions.push({ photo: match[1]!, caption: match[2]!, from });
    else rest.push(line);
  }
  return captions.length >= 2 && captions.length * 2 > lines.length ? { captions, rest } : undefined;
}

/** The longest stretch of characters two texts share. */
function sharedStretch(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i++)
    for (let j = 0; j < b.length; j++) {
      let n = 0;
      while (a[i + n] !== undefined && a[i + n] === b[j + n]) n++;
      best = Math.max(best, n);
    }
  return best;
}

/** The parts of an item's name a caption may say: "黄纸板（纸箱）" → 黄纸板, 纸箱. */
const namePartsOf = (title: string) =>
  title
    .normalize('NFKC')
    .split(/[\s（）()【】[\]、，,/·]+/)
    .filter((part) => part.length >= 2);

/**
 * How well a caption names an item: a part of its name said whole (its length, doubled), else the longest stretch
 * of a part the caption shares ("我们的厢货车" for 厢货车搬家（两室一厅）), when two characters or more.
 */
function fit(caption: string, item: Item): number {
  const said = caption.normalize('NFKC');
  return Math.max(
    0,
    ...namePartsOf(itemTitle(item)).map((part) => {
      if (said.includes(part)) return part.length * 2;
      const shared = sharedStretch(part, said);
      return shared >= 2 ? shared : 0;
    }),
  );
}

export type CaptionMatch =
  { kind: 'item'; item: Item; column: Column } | { kind: 'ambiguous'; candidates: string[] } | { kind: 'place' } | { kind: 'none' };

/** The product or article a caption names best (a tie is ambiguous), or a place it names, or nothing. */
export function matchCaption(caption: string, columns: Column[]): CaptionMatch {
  const scored = columns.flatMap((column) =>
    column.items
      .filter((item) => item.kind === 'product' || item.kind === 'article')
      .map((item) => ({ item, column, score: fit(caption, item) }))
      .filter((c) => c.score > 0),
  );
  const best = Math.max(0, ...scored.map((c) => c.score));
  const top = scored.filter((c) => c.score === best);
  // "店内环境": a place said whole wins over a word it shares with an item.
  if (isPlaceName(`${caption}.jpg`) && best < 4) return { kind: 'place' };
  if (top.length === 1) return { kind: 'item', item: top[0]!.item, column: top[0]!.column };
  if (top.length > 1) return { kind: 'ambiguous', candidates: top.map((c) => itemTitle(c.item)) };
  return { kind: 'none' };
}
