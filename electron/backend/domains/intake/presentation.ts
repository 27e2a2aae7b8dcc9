/**
 * PowerPoint .pptx company introductions (also WPS's .dps saved as .pptx): the slides in the
 * order the presentation lists them, each slide's title a heading, the paragraphs of its other
 * text boxes as paragraphs, its tables as tables and its pictures as embedded images, from top to
 * bottom — the same blocks a Word document gives, so one structuring path serves both and a
 * slide's pictures go with the item its title names. A picture on most slides (a logo in the
 * corner) is decoration and left out. Pictures placed on the slide layouts and masters the slides
 * use (a logo, a photo on the template) are handed back as files of their own ("介绍.pptx/母版/
 * image1.png"), to be offered like photos (a logo by its shape). An old binary .ppt (or WPS .dps) is
 * read by legacyPresentation.ts into the same blocks.
 */
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { ImageRef } from '../../../../shared/sites/model';
import { relationTargets, workbookOf, type ReadWorkbook } from './embeddedSheets';
import { textOf, type SourceBlock } from './htmlToBlocks';
import { matchColumnKeyword } from './keywords';
import { LegacyPresentationError, legacySlideBlocks, readLegacyPresentation } from './legacyPresentation';
import { checkZip, ZipProblem } from './zipGuard';
import { elements, parseXml as parse, type XmlNode } from './xmlTree';

export const MAX_SLIDES = 200;

export class PresentationProblem extends Error {
  constructor(
    readonly code: 'pptx.unreadable' | 'pptx.too_large' | 'pptx.encrypted',
    message: string,
  ) {
    super(message);
  }
}

const isOle = (b: Uint8Array) => b.length > 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

const first = (node: XmlNode, name: string): XmlNode | undefined => elements(node, name)[0];

/** The text of a DrawingML paragraph: its runs, fields and line breaks. */
function paragraphText(p: XmlNode): string {
  const walk = (node: XmlNode): string =>
    node.type === 'text'
      ? ''
      : node.name === 'a:t'
        ? (node.children ?? []).map((c) => c.data ?? '').join('')
        : node.name === 'a:br'
          ? '\n'
          : (node.children ?? []).map(walk).join('');
  return walk(p);
}

/** Where a part's relationships of a type lead ("slideLayout" of a slide, "slideMaster" of a layout). */
function related(files: Record<string, Uint8Array>, part: string, type: string): string[] {
  const rels = files[`${path.posix.dirname(part)}/_rels/${path.posix.basename(part)}.rels`];
  if (!rels) return [];
  return elements(parse(strFromU8(rels)), 'Relationship')
    .filter((r) => r.attribs?.Type?.endsWith(`/${type}`))
    .map((r) => path.posix.normalize(path.posix.join(path.posix.dirname(part), r.attribs?.Target ?? '')));
}

/** The media pictures on the layouts the slides use, and on their masters, show (none of a background). */
function templateMedia(files: Record<string, Uint8Array>, slideNames: string[]): Set<string> {
  const layouts = new Set(slideNames.flatMap((slide) => related(files, slide, 'slideLayout')));
  const masters = new Set([...layouts].flatMap((layout) => related(files, layout, 'slideMaster')));
  return new Set(
    [...layouts, ...masters].filter((name) => files[name]).flatMap((name) => readSlide(files, name).pictures.map((p) => p.medium)),
  );
}

/** The slides' part names in presentation order (slide1.xml … when the order cannot be read). */
function slideOrder(files: Record<string, Uint8Array>): string[] {
  const slides = Object.keys(files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
  const byNumber = [...slides].sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  const presentation = files['ppt/presentation.xml'];
  const rels = files['ppt/_rels/presentation.xml.rels'];
  if (!presentation || !rels) return byNumber;
  const targets = new Map(
    elements(parse(strFromU8(rels)), 'Relationship').map((r) => [
      r.attribs?.Id ?? '',
      `ppt/${(r.attribs?.Target ?? '').replace(/^\.?\//, '')}`,
    ]),
  );
  const ordered = elements(parse(strFromU8(presentation)), 'p:sldId')
    .map((s) => targets.get(s.attribs?.['r:id'] ?? ''))
    .filter((name): name is string => Boolean(name && files[name]));
  return ordered.length ? ordered : byNumber;
}

const paragraph = (text: string): SourceBlock => ({ type: 'paragraph', runs: [{ text }] });

/** Vector drawings (EMF, WMF, SVG) and HD Photo cannot be shown on a site as they are: left out. */
const isPicture = (name: string) => /\.(png|jpe?g|gif|webp|tiff?|bmp|heic|heif|avif)$/i.test(name);

/** The media a slide's pictures show (rId → ppt/media/…), from the slide's relationships. */
function slideMedia(files: Record<string, Uint8Array>, slide: string): Map<string, string> {
  const rels = files[`${path.posix.dirname(slide)}/_rels/${path.posix.basename(slide)}.rels`];
  if (!rels) return new Map();
  return new Map(
    elements(parse(strFromU8(rels)), 'Relationship')
      .filter((r) => /\/image$/.test(r.attribs?.Type ?? '') && r.attribs?.TargetMode !== 'External')
      .map((r) => [r.attribs?.Id ?? '', path.posix.normalize(path.posix.join(path.posix.dirname(slide), r.attribs?.Target ?? ''))]),
  );
}

interface Slide {
  root: XmlNode;
  /** The speaker notes' paragraphs (what the presenter says often names the prices the slide leaves out). */
  notes: string[];
  /** Each picture's medium, in the order the slide lists them. */
  pictures: { node: XmlNode; medium: string }[];
  /** Worksheet objects pasted onto the slide: the frame that places each, and its embedded workbook's part. */
  workbooks: { node: XmlNode; part: string; bytes: Uint8Array }[];
}

/** The worksheet objects on a slide (PowerPoint writes each twice, for old and new readers: kept once). */
function slideWorkbooks(files: Record<string, Uint8Array>, name: string, root: XmlNode): Slide['workbooks'] {
  const targets = relationTargets(files, name);
  const found = new Map<string, Slide['workbooks'][number]>();
  for (const node of elements(root, 'p:graphicFrame')) {
    const object = first(node, 'p:oleObj');
    const workbook = object ? workbookOf(files, targets, object.attribs?.['r:id'] ?? '') : undefined;
    if (workbook && !found.has(workbook.part)) found.set(workbook.part, { node, ...workbook });
  }
  return [...found.values()];
}

function readSlide(files: Record<string, Uint8Array>, name: string): Slide {
  const root = parse(strFromU8(files[name]!));
  const media = slideMedia(files, name);
  const workbooks = slideWorkbooks(files, name, root);
  // A worksheet object's preview picture is not a picture of the slide: its workbook is read instead.
  const previews = new Set(workbooks.length ? elements(root, 'p:oleObj').flatMap((object) => elements(object, 'p:pic')) : []);
  const pictures = elements(root, 'p:pic').flatMap((node) => {
    const medium = media.get(first(node, 'a:blip')?.attribs?.['r:embed'] ?? '');
    return medium && isPicture(medium) && !previews.has(node) ? [{ node, medium }] : [];
  });
  return { root, pictures, workbooks, notes: notesOf(files, name) };
}

/** The paragraphs of a slide's speaker notes: the notes page's body text, not its slide image or page number. */
function notesOf(files: Record<string, Uint8Array>, slide: string): string[] {
  const notes = related(files, slide, 'notesSlide').find((name) => files[name]);
  if (!notes) return [];
  return elements(parse(strFromU8(files[notes]!)), 'p:sp')
    .filter((shape) => (first(shape, 'p:ph')?.attribs?.type ?? 'body') === 'body')
    .flatMap((shape) => elements(shape, 'a:p').flatMap((p) => paragraphText(p).split('\n')))
    .map((line) => line.trim())
    .filter(Boolean);
}

/** One slide's blocks: its title as a heading, then its text boxes, tables and pictures from top to bottom. */
function slideBlocks(slide: Slide, images: Map<string, ImageRef>, sheets: Map<string, SourceBlock[]>): SourceBlock[] {
  const tree = first(slide.root, 'p:spTree');
  if (!tree) return [];
  const shapes: { top: number; blocks: SourceBlock[]; title: boolean }[] = [];
  const topOf = (node: XmlNode) => Number(first(node, 'a:off')?.attribs?.y ?? first(node, 'p:xfrm')?.attribs?.y ?? 0);
  for (const shape of [...elements(tree, 'p:sp'), ...elements(tree, 'p:graphicFrame')]) {
    const placeholder = first(shape, 'p:ph')?.attribs?.type ?? '';
    const title = /^(title|ctrTitle)$/.test(placeholder);
    const table = first(shape, 'a:tbl');
    if (table) {
      const rows = elements(table, 'a:tr').map((tr) =>
        elements(tr, 'a:tc').map((tc) => [{ text: elements(tc, 'a:p').map(paragraphText).join(' ').trim() }]),
      );
      if (rows.length) shapes.push({ top: topOf(shape), title: false, blocks: [{ type: 'table', header: false, rows }] });
      continue;
    }
    const lines = elements(shape, 'a:p')
      .flatMap((p) => paragraphText(p).split('\n'))
      .map((line) => line.trim())
      .filter(Boolean);
    if (lines.length === 0) continue;
    shapes.push({
      top: title ? -1 : topOf(shape),
      title,
      blocks: title ? [{ type: 'heading', level: 1, runs: [{ text: lines.join(' ') }], look: true }] : lines.map(paragraph),
    });
  }
  for (const { node, medium } of slide.pictures) {
    const image = images.get(medium);
    if (image) shapes.push({ top: topOf(node), title: false, blocks: [{ type: 'image', image }] });
  }
  for (const { node, part } of slide.workbooks) {
    const blocks = sheets.get(part);
    if (blocks) shapes.push({ top: topOf(node), title: false, blocks });
  }
  return [...shapes.sort((a, b) => a.top - b.top).flatMap((s) => s.blocks), ...slide.notes.map(paragraph)];
}

/** The pictures shown on most slides of a deck of three or more: a logo or a background, not a slide's own picture. */
function decorations<T>(slides: T[][]): Set<T> {
  const count = new Map<T, number>();
  for (const slide of slides) for (const picture of new Set(slide)) count.set(picture, (count.get(picture) ?? 0) + 1);
  return new Set([...count].filter(([, n]) => slides.length >= 3 && n > slides.length / 2).map(([picture]) => picture));
}

/** An old .ppt/.dps, slide by slide, its pictures stored as a .pptx's are. */
async function readLegacy(
  bytes: Uint8Array,
  storePicture: (bytes: Uint8Array, name: string) => Promise<string | undefined>,
): Promise<SourceBlock[]> {
  let deck;
  try {
    deck = readLegacyPresentation(bytes, MAX_SLIDES);
  } catch (error) {
    if (!(error instanceof LegacyPresentationError)) throw error;
    throw error.reason === 'encrypted'
      ? new PresentationProblem(
          'pptx.encrypted',
          'The presentation is protected with a password: open it in PowerPoint or WPS, remove the password, save it and import it again.',
        )
      : new PresentationProblem('pptx.unreadable', `The old PowerPoint or WPS presentation cannot be read: ${error.message}`);
  }
  if (deck.slides.length === 0) throw new PresentationProblem('pptx.unreadable', 'The presentation has no slides.');
  const shownOn = deck.slides.map((slide) => slide.parts.flatMap((part) => (part.kind === 'picture' ? [part.index] : [])));
  const decoration = decorations(shownOn);
  const images = new Map<number, ImageRef>();
  for (const index of new Set(shownOn.flat()))
    if (!decoration.has(index)) {
      const picture = deck.picture(index);
      const sha256 = picture ? await storePicture(picture, `picture ${index}`) : undefined;
      if (sha256) images.set(index, { sha256, alt: '' });
    }
  return entriesUnderColumns(deck.slides.map((slide) => legacySlideBlocks(slide, images)));
}

/**
 * Reads a .pptx (or an old .ppt/.dps) into blocks, slide by slide. `storePicture` receives each picture shown on a slide
 * and returns its sha256, or undefined when it cannot be used (the caller reports why); `handBack`
 * receives each picture of the slides' layouts and masters, as a file named "母版/image1.png".
 */
export async function readPresentation(
  bytes: Uint8Array,
  storePicture: (bytes: Uint8Array, name: string) => Promise<string | undefined>,
  handBack: (name: string, bytes: Uint8Array) => void = () => {},
  readWorkbook: ReadWorkbook = () => Promise.resolve(undefined),
): Promise<SourceBlock[]> {
  if (isOle(bytes)) return readLegacy(bytes, storePicture);
  try {
    checkZip(bytes);
  } catch (error) {
    if (error instanceof ZipProblem)
      throw new PresentationProblem(error.code === 'office.too_large' ? 'pptx.too_large' : 'pptx.unreadable', error.message);
    throw error;
  }
  const unzip = (wanted: (name: string) => boolean) => {
    try {
      return unzipSync(bytes, { filter: (file) => wanted(file.name) });
    } catch (error) {
      throw new PresentationProblem('pptx.unreadable', `The presentation cannot be read (${(error as Error).message}).`);
    }
  };
  const files = unzip(
    (name) =>
      /^ppt\/(presentation\.xml|_rels\/presentation\.xml\.rels|(slides|slideLayouts|slideMasters|notesSlides)\/(_rels\/)?(slide|notesSlide)(Layout|Master)?\d+\.xml(\.rels)?)$/.test(
        name,
      ) || /^ppt\/embeddings\/[^/]+\.(xlsx|xlsm|xls|bin)$/i.test(name),
  );
  const names = slideOrder(files).slice(0, MAX_SLIDES);
  if (names.length === 0)
    throw new PresentationProblem('pptx.unreadable', 'The file is not a PowerPoint .pptx presentation (it has no slides).');
  const slides = names.map((name) => readSlide(files, name));
  const decoration = decorations(slides.map((slide) => slide.pictures.map((p) => p.medium)));
  const shown = new Set(slides.flatMap((slide) => slide.pictures.map((p) => p.medium)).filter((medium) => !decoration.has(medium)));
  const template = [...templateMedia(files, names)].filter((medium) => !shown.has(medium));
  // Only the pictures slides and their templates show are unpacked (a deck's media may hold videos).
  const wanted = new Set([...shown, ...template]);
  const media = wanted.size ? unzip((name) => wanted.has(name)) : {};
  for (const medium of template) if (media[medium]) handBack(`母版/${path.posix.basename(medium)}`, media[medium]);
  const images = new Map<string, ImageRef>();
  for (const medium of shown) {
    const sha256 = media[medium] ? await storePicture(media[medium], medium) : undefined;
    if (sha256) images.set(medium, { sha256, alt: '' });
  }
  const sheets = new Map<string, SourceBlock[]>();
  for (const { part, bytes: workbook } of slides.flatMap((slide) => slide.workbooks)) {
    const blocks = sheets.has(part) ? undefined : await readWorkbook(workbook, path.posix.basename(part));
    if (blocks) sheets.set(part, blocks);
  }
  return entriesUnderColumns(slides.map((slide) => slideBlocks(slide, images, sheets)));
}

/**
 * A slide titled like a column (服务项目, 产品展示) opens it, and the slides after it whose titles
 * name no column are its entries (驻场保安, 押运服务 …): their titles one level down, so each
 * becomes an item with its slide's text and pictures.
 */
function entriesUnderColumns(slides: SourceBlock[][]): SourceBlock[] {
  let column: string | undefined;
  return slides.flatMap((blocks) => {
    const title = blocks.find((b) => b.type === 'heading');
    if (!title || title.type !== 'heading') return blocks;
    const match = matchColumnKeyword(textOf(title).trim());
    if (match) column = match.type;
    // "寒假集训营" over "2027年1月20日—2月5日开营，…" after the courses slide: a dated notice of its own, no course.
    else if (column && !(GOODS.includes(column) && opensWithDate(blocks)))
      return blocks.map((b) => (b === title ? { ...title, level: 2 } : b));
    return blocks;
  });
}

/** Columns of things offered: a slide telling of a day is none of them. */
const GOODS = ['products', 'services'];

/** A slide whose text opens with a date ("2026年11月，…", "12月20日起…"): it tells of an event, not a thing. */
function opensWithDate(blocks: SourceBlock[]): boolean {
  const first = blocks.find((b) => b.type === 'paragraph');
  return Boolean(first && /^\s*(?:\d{4}\s*年\s*\d{1,2}\s*月|\d{1,2}\s*月\s*\d{1,2}\s*[日号])/.test(textOf(first)));
}
