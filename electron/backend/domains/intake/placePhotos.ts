/**
 * Placing an import's photos into the site: the logo (by name, else the one picture shaped like a
 * logo), each photo with the item its name points at (model number, name, pinyin, near spelling),
 * photos of places in the intro column, photographed pages and everything else in the unsorted
 * tray with the reason. Every placement is a guess with its reason, so it can be undone.
 */
import path from 'node:path';
import type { Guess, GuessRule, GuessTarget } from '../../../../shared/api/sites';
import {
  itemTitle,
  plainText,
  sortedColumns,
  type Article,
  type Column,
  type Block,
  type ImageRef,
  type Product,
  type SiteContent,
  type UnsortedEntry,
} from '../../../../shared/sites/model';
import { matchCaption } from './captions';
import { prizeNewsOf } from './eventPhotos';
import type { ProductLine } from './lineItems';
import type { LinkedPicture } from './webPage';
import type { ParsedPhoto } from './importMaterials';
import {
  folderHint,
  isCameraName,
  isEquipmentName,
  isLogoName,
  isPlaceName,
  PhotoMatcher,
  photoStem,
  productOfPhotoName,
  type MatchReason,
} from './photos';
import { ALL_CHANNELS } from './structure';

export interface PlacementEnv {
  newId(): string;
  guess(rule: GuessRule, source: string, message: string, params: Record<string, string | number>, target: GuessTarget): Guess | void;
}

const RULE_OF: Record<MatchReason, GuessRule> = {
  name: 'photo.file_name',
  model: 'photo.model',
  pinyin: 'photo.pinyin',
  similar: 'photo.similar',
};
const HOW: Record<MatchReason, string> = {
  name: 'name match',
  model: 'model number',
  pinyin: 'pinyin / same sound',
  similar: 'name differs by a character or two',
};

class PhotoPlacement {
  private matcher: PhotoMatcher;

  /** The import brought no items (a folder of photos only): a photo's telling name is then taken for a product. */
  private readonly photosOnly: boolean;

  constructor(
    private readonly content: SiteContent,
    private readonly env: PlacementEnv,
    /** Sub-folders whose other photos are all of places (`照片/` holding 门头, 汗蒸房 …). */
    private readonly placeFolders: ReadonlySet<string> = new Set(),
  ) {
    this.matcher = new PhotoMatcher(content.columns);
    this.photosOnly = content.columns.every((column) => column.items.length === 0);
  }

  private tray(source: string, note: string, images: ImageRef[], ocr = false): void {
    const entry: UnsortedEntry = {
      id: this.env.newId(),
      source: source.slice(0, 255),
      blocks: [],
      images,
      note: note.slice(0, 200),
      ...(ocr ? { ocr } : {}),
    };
    this.content.unsorted.push(entry);
  }

  logo(photo: ParsedPhoto, fileName: string, reason: 'name' | 'shape'): void {
    const before = this.content.profile.logo?.sha256;
    this.content.profile.logo = { sha256: photo.image.sha256, alt: `${this.content.profile.shortName}标志`.slice(0, 200), fileName };
    const why =
      reason === 'name'
        ? `${fileName} is named like a logo`
        : `${fileName} has a transparent background around a compact shape, as logos do`;
    this.env.guess(
      'profile.logo',
      photo.file,
      `${why} → the site's logo.`,
      { file: fileName, reason },
      { kind: 'logo', sha256: photo.image.sha256, ...(before ? { before } : {}) },
    );
  }

  /** Whether the photo's name already says what it shows (an item or a place): such a photo is not taken for the logo by its shape. */
  namesSomething(photo: ParsedPhoto): boolean {
    const fileName = path.posix.basename(photo.file);
    return this.matcher.match(fileName).kind !== 'none' || isPlaceName(fileName);
  }

  /** A photo that is not the logo: an item's picture, the intro column's, or the tray's. */
  place(photo: ParsedPhoto): void {
    const fileName = path.posix.basename(photo.file).slice(0, 255);
    const ref: ImageRef = { sha256: photo.image.sha256, alt: '', fileName };
    if (photo.page)
      return this.tray(
        photo.file,
        `${fileName} is a photographed page: its text was read by OCR (check it against the picture).`,
        [ref],
        true,
      );
    if (photo.caption) return this.byCaption(photo, ref, fileName, photo.caption);
    const hint = folderHint(photo.file);
    // "送气车.jpg": the business's own vehicle or machine is shown as its places are (in a folder of goods only, a good).
    const place = hint === 'places' || (hint !== 'products' && (isPlaceName(fileName) || (!this.photosOnly && isEquipmentName(fileName))));
    // "照片/大池.jpg" beside 门头 and 汗蒸房: a named photo no item takes, sorted in with places, is one too.
    const amongPlaces = !place && !isCameraName(fileName) && this.placeFolders.has(photo.file);
    // "菜品/精品肥牛/IMG_20260901_183012.jpg": a camera's name says nothing, the folder it was sorted into names the product.
    const folder = isCameraName(fileName) ? photo.file.split('/').at(-2) : undefined;
    const found = folder
      ? this.matcher.match(`${folder}${path.posix.extname(fileName)}`, true)
      : this.matcher.match(fileName, hint === 'products');
    // "店面.jpg", "环境/泳池.jpg": a place, though a news title mentions it ("店面装修完成重新开业"); a product it names still wins.
    // A product only near its name ("红薯地" one character off 红薯淀粉) does not win over the place the name says.
    const nearOnly = found.kind === 'item' && found.reason === 'similar';
    const match = place && found.kind === 'item' && (found.item.kind !== 'product' || nearOnly) ? ({ kind: 'none' } as const) : found;
    if (match.kind === 'item' && (match.item.kind === 'product' || match.item.kind === 'article')) {
      const title = itemTitle(match.item);
      if (!match.item.images.some((i) => i.sha256 === ref.sha256)) match.item.images.push({ ...ref, alt: title.slice(0, 200) });
      this.env.guess(
        RULE_OF[match.reason],
        photo.file,
        `${fileName}${folder ? ` in the folder "${folder}"` : ''} → the picture of "${title}" in "${match.column.title}" (${HOW[match.reason]}).`,
        { file: fileName, item: title, reason: match.reason },
        { kind: 'itemImage', itemId: match.item.id, sha256: ref.sha256 },
      );
      return;
    }
    const prize = match.kind === 'none' ? prizeNewsOf(fileName, this.content.columns) : undefined;
    if (prize) return this.withPrizeNews(prize.item, ref, photo.file, fileName);
    // "钢化炉.jpg" fits 钢化玻璃 items by half its name, and the intro says "拥有进口钢化炉两台": the business's equipment.
    if (match.kind === 'ambiguous' && hint !== 'products' && this.introMentions(fileName)) return this.gallery(photo, ref, fileName);
    // "咨询室.jpg" beside 个体心理咨询 and 婚姻家庭咨询: a place named like several items is the place, not one of them.
    if (match.kind === 'ambiguous' && !place)
      return this.tray(photo.file, `${fileName} fits several items: ${match.candidates.join('、')}.`, [ref]);
    if (place || (amongPlaces && match.kind === 'none')) return this.gallery(photo, ref, fileName);
    const product = productOfPhotoName(fileName, this.photosOnly || hint === 'products');
    if (product) this.newProduct(photo, ref, fileName, product);
    else this.tray(photo.file, `No item is named like ${fileName}.`, [ref]);
  }

  /** "获奖合影.jpg": the picture of the one news item telling of a prize (`eventPhotos.ts`). */
  private withPrizeNews(item: Article, ref: ImageRef, file: string, fileName: string): void {
    if (!item.images.some((i) => i.sha256 === ref.sha256)) item.images.push({ ...ref, alt: item.title.slice(0, 200) });
    this.env.guess(
      'photo.event',
      file,
      `${fileName} shows a prize → the picture of "${item.title}", the one news item telling of a prize.`,
      { file: fileName, item: item.title },
      { kind: 'itemImage', itemId: item.id, sha256: ref.sha256 },
    );
  }

  /**
   * A photo a caption list describes: with the item the caption names (its words, not the camera's), else — the
   * customer said what it shows, so it is meant for the site — among the intro column's pictures; several items
   * named alike leave it in the tray.
   */
  private byCaption(photo: ParsedPhoto, ref: ImageRef, fileName: string, caption: string): void {
    const match = matchCaption(caption, this.content.columns);
    if (match.kind === 'ambiguous')
      return this.tray(photo.file, `${fileName} ("${caption}") fits several items: ${match.candidates.join('、')}.`, [ref]);
    if (match.kind === 'item') {
      const title = itemTitle(match.item);
      if (match.item.kind === 'product' || match.item.kind === 'article')
        if (!match.item.images.some((i) => i.sha256 === ref.sha256)) match.item.images.push({ ...ref, alt: caption.slice(0, 200) });
      this.env.guess(
        'photo.caption',
        photo.file,
        `${fileName}, described as "${caption}" → the picture of "${title}" in "${match.column.title}".`,
        { file: fileName, caption, item: title },
        { kind: 'itemImage', itemId: match.item.id, sha256: ref.sha256 },
      );
      return;
    }
    const { column: intro, made } = this.columnOf('intro', '企业介绍', 'first');
    if (!intro.body.some((b) => b.type === 'image' && b.image.sha256 === ref.sha256))
      intro.body.push({ type: 'image', image: { ...ref, alt: caption.slice(0, 200) } });
    this.env.guess(
      'photo.caption',
      photo.file,
      `${fileName}, described as "${caption}", names no item → ${made ? 'a new column' : 'a picture in'} "${intro.title}".`,
      { file: fileName, caption, column: intro.title, ...(made ? { made: 1 } : {}) },
      made ? { kind: 'column', columnId: intro.id } : { kind: 'columnImage', columnId: intro.id, sha256: ref.sha256 },
    );
  }

  /** The site's first column of a type, or a new one (`made`) at the start or the end of the list. */
  private columnOf(type: 'intro' | 'products', title: string, at: 'first' | 'last'): { column: Column; made: boolean } {
    const found = sortedColumns(this.content).find((c: Column) => c.type === type);
    if (found) return { column: found, made: false };
    const orders = this.content.columns.map((c) => c.order);
    const column: Column = {
      id: this.env.newId(),
      type,
      title,
      order: at === 'first' ? Math.min(0, ...orders) - 10 : Math.max(0, ...orders) + 10,
      channels: { ...ALL_CHANNELS },
      body: [],
      items: [],
    };
    this.content.columns.push(column);
    return { column, made: true };
  }

  /** A product made from the photo's name, with the photo, in the products column (made first, if the site has none). */
  private newProduct(photo: ParsedPhoto, ref: ImageRef, fileName: string, line: ProductLine): void {
    const { column, made } = this.columnOf('products', '产品展示', 'last');
    const item: Product = {
      kind: 'product',
      id: this.env.newId(),
      name: line.name.slice(0, 100),
      ...(line.price ? { price: line.price } : {}),
      ...(line.spec ? { spec: line.spec.slice(0, 200) } : {}),
      description: [],
      images: [{ ...ref, alt: line.name.slice(0, 200) }],
    };
    column.items.push(item);
    this.matcher = new PhotoMatcher(this.content.columns);
    this.env.guess(
      'photo.new_item',
      photo.file,
      made
        ? `${fileName} is named as a product; the site had no products column → a new "${column.title}" column with the product "${item.name}".`
        : `${fileName} is named as a product no item fits → a new product "${item.name}" in "${column.title}".`,
      { file: fileName, item: item.name, column: column.title, kind: 'product', ...(made ? { made: 1 } : {}) },
      made ? { kind: 'column', columnId: column.id } : { kind: 'item', itemId: item.id },
    );
  }

  /**
   * Whether the business's text about itself names what the photo's name says (a Chinese name of two characters
   * or more): the intro column's, or text the tray holds (what came before the first column heading).
   */
  private introMentions(fileName: string): boolean {
    const stem = photoStem(fileName).trim();
    if (isCameraName(fileName) || !/^[\u4e00-\u9fff]{2,12}$/.test(stem)) return false;
    const texts = [
      ...this.content.columns.filter((column) => column.type === 'intro').map((column) => column.body),
      ...this.content.unsorted.map((entry) => entry.blocks),
    ];
    return texts.some((blocks) => plainText(blocks, { images: false }).includes(stem));
  }

  /**
   * A photo of a place goes with the intro column's text (its gallery). A site without an intro
   * column gets one for it, first in the list; undoing that guess takes the column away again.
   */
  private gallery(photo: ParsedPhoto, ref: ImageRef, fileName: string): void {
    const { column: intro, made } = this.columnOf('intro', '企业介绍', 'first');
    if (!intro.body.some((b) => b.type === 'image' && b.image.sha256 === ref.sha256))
      intro.body.push({ type: 'image', image: { ...ref, alt: path.posix.basename(fileName, path.posix.extname(fileName)).slice(0, 200) } });
    const params = { file: fileName, column: intro.title, ...(made ? { made: 1 } : {}) };
    if (made)
      this.env.guess(
        'photo.place',
        photo.file,
        `${fileName} shows a place; the site had no intro column → a new "${intro.title}" column with this picture.`,
        params,
        { kind: 'column', columnId: intro.id },
      );
    else
      this.env.guess('photo.place', photo.file, `${fileName} shows a place → a picture in "${intro.title}".`, params, {
        kind: 'columnImage',
        columnId: intro.id,
        sha256: ref.sha256,
      });
  }
}

/**
 * Pictures a web page shows from files beside it (Word's `公司简介.files/image001.jpg`): the page's
 * stand-ins become those photos where the page has them; a stand-in whose file is not among the
 * photos is left out. Returns the photos still to be placed.
 */
function linkPictures(content: SiteContent, photos: ParsedPhoto[], linked: LinkedPicture[], env: PlacementEnv): ParsedPhoto[] {
  const fileOf = new Map(linked.map((l) => [l.sha256, l.file]));
  const photoOf = new Map(photos.map((p) => [p.file, p]));
  const used = new Set<ParsedPhoto>();
  /** The photo for a stand-in (`target`: where the guess points, none in the tray); other pictures as they are. */
  const resolve = (ref: ImageRef, where: string, target?: (sha256: string) => GuessTarget): ImageRef[] => {
    const file = fileOf.get(ref.sha256);
    if (file === undefined) return [ref];
    const photo = photoOf.get(file);
    if (!photo) return [];
    used.add(photo);
    const fileName = path.posix.basename(photo.file).slice(0, 255);
    if (target)
      env.guess(
        'photo.embedded',
        photo.file,
        `${fileName} is shown in the web page's "${where}" → kept there.`,
        { item: where },
        target(photo.image.sha256),
      );
    return [{ sha256: photo.image.sha256, alt: ref.alt, fileName }];
  };
  const inBlocks = (blocks: Block[], where: string, target?: (sha256: string) => GuessTarget): Block[] =>
    blocks.flatMap((b): Block[] => (b.type === 'image' ? resolve(b.image, where, target).map((image) => ({ ...b, image })) : [b]));
  for (const column of content.columns) {
    column.body = inBlocks(column.body, column.title, (sha256) => ({ kind: 'columnImage', columnId: column.id, sha256 }));
    for (const item of column.items)
      if (item.kind === 'product' || item.kind === 'article')
        item.images = item.images.flatMap((ref) =>
          resolve(ref, itemTitle(item), (sha256) => ({ kind: 'itemImage', itemId: item.id, sha256 })),
        );
  }
  for (const entry of content.unsorted) {
    entry.blocks = inBlocks(entry.blocks, entry.source);
    entry.images = entry.images.flatMap((ref) => resolve(ref, entry.source));
  }
  return photos.filter((p) => !used.has(p));
}

/** "产品1.jpg", "商品_02.png", "product-3.jpg": a photo named only by a word for products and a number. */
const NUMBERED_PRODUCT = /^(?:产品|商品|product)\s*[-_]?\s*(\d{1,3})$/i;

/**
 * Photos numbered 产品1 … 产品N when the site's products number N too, none with a picture yet: the
 * n-th photo is taken for the n-th product in list order. Returns the photos still to be placed.
 */
function placeByNumber(content: SiteContent, photos: ParsedPhoto[], env: PlacementEnv): ParsedPhoto[] {
  const numbered = photos
    .map((photo) => ({
      photo,
      n: Number(NUMBERED_PRODUCT.exec(path.posix.basename(photo.file, path.posix.extname(photo.file)).trim())?.[1]),
    }))
    .filter((p) => !p.photo.page && p.n > 0)
    .sort((a, b) => a.n - b.n);
  const products = sortedColumns(content)
    .filter((c) => c.type === 'products')
    .flatMap((c) => c.items.filter((i): i is Product => i.kind === 'product'));
  const inOrder = numbered.every((p, i) => p.n === i + 1);
  if (numbered.length < 2 || !inOrder || numbered.length !== products.length || products.some((p) => p.images.length)) return photos;
  numbered.forEach(({ photo, n }, i) => {
    const product = products[i]!;
    const fileName = path.posix.basename(photo.file).slice(0, 255);
    product.images.push({ sha256: photo.image.sha256, alt: product.name.slice(0, 200), fileName });
    env.guess(
      'photo.order',
      photo.file,
      `${fileName}: the photos are numbered 1–${numbered.length} like the ${products.length} products → the picture of "${product.name}", number ${n} in the list.`,
      { file: fileName, item: product.name, index: n },
      { kind: 'itemImage', itemId: product.id, sha256: photo.image.sha256 },
    );
  });
  const used = new Set(numbered.map((p) => p.photo));
  return photos.filter((p) => !used.has(p));
}

/**
 * Photos in a sub-folder whose other photos (two or more) are all named as places: the customer sorted
 * them together, so one whose name (not a camera's) says nothing more is taken for a place too. Returns their files.
 */
function amongPlaces(photos: ParsedPhoto[]): Set<string> {
  const folders = new Map<string, ParsedPhoto[]>();
  for (const photo of photos) {
    const folder = path.posix.dirname(photo.file);
    if (folder !== '.' && !photo.page) folders.set(folder, [...(folders.get(folder) ?? []), photo]);
  }
  const files = new Set<string>();
  for (const inFolder of folders.values())
    for (const photo of inFolder) {
      const others = inFolder.filter((p) => p !== photo && !isCameraName(path.posix.basename(p.file)));
      if (others.length >= 2 && others.every((p) => isPlaceName(path.posix.basename(p.file)))) files.add(photo.file);
    }
  return files;
}

/** Places the photos of one import; the site's columns and items must already hold the import's documents. */
export function placePhotos(content: SiteContent, allPhotos: ParsedPhoto[], env: PlacementEnv, linked: LinkedPicture[] = []): void {
  const photos = placeByNumber(content, linked.length ? linkPictures(content, allPhotos, linked, env) : allPhotos, env);
  const placement = new PhotoPlacement(content, env, amongPlaces(photos));
  const named = photos.filter((p) => !p.page && isLogoName(path.posix.basename(p.file)));
  const shaped = photos.filter((p) => !p.page && !named.includes(p) && p.look.logoShape && !placement.namesSomething(p));
  // The logo by name; else, when the site has none, the one picture shaped like a logo (several: none is guessed).
  const logo = named[0] ?? (!content.profile.logo && shaped.length === 1 ? shaped[0] : undefined);
  for (const photo of photos) {
    if (photo === logo) placement.logo(photo, path.posix.basename(photo.file).slice(0, 255), named.includes(photo) ? 'name' : 'shape');
    else placement.place(photo);
  }
}
