/**
 * Old binary PowerPoint (.ppt, 97–2003) and WPS presentations (.dps, the same format), opened as
 * OLE compound files with cfb. The "PowerPoint Document" stream is a tree of records ([MS-PPT]; the
 * record types as Apache POI's HSLF RecordTypes names them): the user edit chain gives where each
 * persistent object lies, the document's slide list gives the slides in order, and each slide's
 * drawing gives its text boxes (text atoms, or a reference into the slide list's text, where
 * PowerPoint keeps placeholder text) and pictures (a shape's blip index → the BLIP store → the
 * JPEG/PNG in the "Pictures" stream). Each slide gives the blocks a .pptx slide gives.
 */
import CFB from 'cfb';
import type { ImageRef } from '../../../../shared/sites/model';
import type { SourceBlock } from './htmlToBlocks';

const RT = {
  document: 1000,
  slide: 1006,
  drawingGroup: 1035,
  drawing: 1036,
  outlineTextRef: 3998,
  textHeader: 3999,
  textChars: 4000,
  textBytes: 4008,
  slideListWithText: 4080,
  slidePersist: 1011,
  userEdit: 4085,
  persistDirectory: 6002,
  bstore: 0xf001,
  bse: 0xf007,
  shape: 0xf004,
  opt: 0xf00b,
  clientTextbox: 0xf00d,
  clientAnchor: 0xf010,
  childAnchor: 0xf00f,
  jpeg: 0xf01d,
  png: 0xf01e,
  jpegCmyk: 0xf02a,
  tiff: 0xf029,
} as const;

/** TextHeaderAtom text types: title, centred title (a title slide), notes. */
const TITLE_TYPES = new Set([0, 6]);
const NOTES_TYPE = 2;
/** The shape property holding its picture: a 1-based index into the BLIP store. */
const PIB = 0x0104;

export class LegacyPresentationError extends Error {
  constructor(
    readonly reason: 'encrypted' | 'damaged',
    message: string,
  ) {
    super(message);
  }
}

interface RecordAt {
  type: number;
  instance: number;
  container: boolean;
  start: number;
  end: number;
}

function record(data: Buffer, at: number): RecordAt | undefined {
  if (at < 0 || at + 8 > data.length) return undefined;
  const head = data.readUInt16LE(at);
  const end = at + 8 + data.readUInt32LE(at + 4);
  if (end > data.length) return undefined;
  return { type: data.readUInt16LE(at + 2), instance: head >> 4, container: (head & 0xf) === 0xf, start: at + 8, end };
}

function children(data: Buffer, parent: RecordAt): RecordAt[] {
  const found: RecordAt[] = [];
  for (let at = parent.start; at < parent.end;) {
    const child = record(data, at);
    if (!child) break;
    found.push(child);
    at = child.end;
  }
  return found;
}

/** Every record under `parent` (depth first, in file order). */
function descendants(data: Buffer, parent: RecordAt): RecordAt[] {
  return children(data, parent).flatMap((child) => [child, ...(child.container ? descendants(data, child) : [])]);
}

const firstOf = (data: Buffer, parent: RecordAt, type: number) => descendants(data, parent).find((r) => r.type === type);

/**
 * Where each persistent object starts (the persist directories of every user edit, the newest
 * winning) and the document's persist id, from the edit the "Current User" stream points at.
 */
function persistOffsets(data: Buffer, currentUser: Buffer | undefined): { offsets: Map<number, number>; documentId: number } {
  const offsets = new Map<number, number>();
  let documentId = -1;
  let edit = currentUser && currentUser.length >= 20 ? currentUser.readUInt32LE(16) : -1;
  for (let hops = 0; hops < 1000; hops++) {
    const atom = record(data, edit);
    if (!atom || atom.type !== RT.userEdit || atom.end - atom.start < 20) break;
    if (documentId < 0) documentId = data.readUInt32LE(atom.start + 16);
    const directory = record(data, data.readUInt32LE(atom.start + 12));
    if (directory?.type === RT.persistDirectory)
      for (let at = directory.start; at + 4 <= directory.end;) {
        const entry = data.readUInt32LE(at);
        const count = entry >>> 20;
        for (let k = 0; k < count && at + 8 + k * 4 <= directory.end; k++) {
          const id = (entry & 0xfffff) + k;
          if (!offsets.has(id)) offsets.set(id, data.readUInt32LE(at + 4 + k * 4));
        }
        at += 4 + count * 4;
      }
    const previous = data.readUInt32LE(atom.start + 8);
    if (previous === 0 || previous >= edit) break;
    edit = previous;
  }
  return { offsets, documentId };
}

interface Text {
  type: number;
  text: string;
}

function textOf(data: Buffer, atom: RecordAt): string {
  const bytes = data.subarray(atom.start, atom.end);
  return atom.type === RT.textChars ? bytes.toString('utf16le') : bytes.toString('latin1');
}

/** Text atoms in order, each with the type of the TextHeaderAtom before it. */
function texts(data: Buffer, records: RecordAt[]): Text[] {
  let type = 4;
  return records.flatMap((r) => {
    if (r.type === RT.textHeader && r.end - r.start >= 4) type = data.readUInt32LE(r.start);
    return r.type === RT.textChars || r.type === RT.textBytes ? [{ type, text: textOf(data, r) }] : [];
  });
}

interface SlideEntry {
  persistId: number;
  /** The placeholder text PowerPoint keeps in the slide list, referenced by the slide's text boxes. */
  outline: Text[];
}

/** The slides in presentation order (the document's slide list, instance 0). */
function slideList(data: Buffer, document: RecordAt): SlideEntry[] {
  const list = children(data, document).find((r) => r.type === RT.slideListWithText && r.instance === 0);
  if (!list) return [];
  const slides: SlideEntry[] = [];
  const atoms = children(data, list);
  atoms.forEach((atom, i) => {
    if (atom.type !== RT.slidePersist) return;
    const next = atoms.findIndex((a, k) => k > i && a.type === RT.slidePersist);
    slides.push({ persistId: data.readUInt32LE(atom.start), outline: texts(data, atoms.slice(i + 1, next < 0 ? undefined : next)) });
  });
  return slides;
}

/** The BLIP store's entries (1-based in shapes): where each picture lies in the Pictures stream, or inside the entry itself. */
function blipStore(data: Buffer, document: RecordAt): { offset: number; inline?: RecordAt }[] {
  const group = children(data, document).find((r) => r.type === RT.drawingGroup);
  const store = group && firstOf(data, group, RT.bstore);
  if (!store) return [];
  return children(data, store).map((bse) => {
    if (bse.type !== RT.bse || bse.end - bse.start < 36) return { offset: -1 };
    const nameLength = data[bse.start + 33]!;
    const inline = bse.end - bse.start > 36 + nameLength ? record(data, bse.start + 36 + nameLength) : undefined;
    return { offset: data.readUInt32LE(bse.start + 28), ...(inline ? { inline } : {}) };
  });
}

/** The picture a BLIP record holds, when it is one a site can show (JPEG, PNG, TIFF). */
function blipBytes(stream: Buffer, blip: RecordAt | undefined): Uint8Array | undefined {
  if (!blip || ![RT.jpeg, RT.png, RT.jpegCmyk, RT.tiff].includes(blip.type as never)) return undefined;
  // One 16-byte UID, a second when the instance's low bit is set, then a tag byte.
  const start = blip.start + 16 * (1 + (blip.instance & 1)) + 1;
  return start < blip.end ? stream.subarray(start, blip.end) : undefined;
}

interface Shape {
  top: number;
  texts: Text[];
  picture?: number;
}

/** A shape's top: a client anchor is top, left, right, bottom (16 or 32 bits each), a child anchor left, top, right, bottom. */
function anchorTop(data: Buffer, anchor: RecordAt | undefined): number {
  if (!anchor || anchor.end - anchor.start < 8) return 0;
  if (anchor.type === RT.childAnchor) return anchor.end - anchor.start >= 16 ? data.readInt32LE(anchor.start + 4) : 0;
  return anchor.end - anchor.start >= 16 ? data.readInt32LE(anchor.start) : data.readInt16LE(anchor.start);
}

function shapeOf(data: Buffer, container: RecordAt, outline: Text[]): Shape {
  const inner = children(data, container);
  const anchor = inner.find((r) => r.type === RT.clientAnchor || r.type === RT.childAnchor);
  const box = inner.find((r) => r.type === RT.clientTextbox);
  const boxRecords = box ? children(data, box) : [];
  const referenced = boxRecords.filter((r) => r.type === RT.outlineTextRef).map((r) => outline[data.readUInt32LE(r.start)]);
  const shape: Shape = {
    top: anchorTop(data, anchor),
    texts: [...referenced.filter((t): t is Text => Boolean(t)), ...texts(data, boxRecords)],
  };
  const opt = inner.find((r) => r.type === RT.opt);
  if (opt)
    for (let k = 0; k < opt.instance && opt.start + k * 6 + 6 <= opt.end; k++)
      if ((data.readUInt16LE(opt.start + k * 6) & 0x3fff) === PIB) shape.picture = data.readUInt32LE(opt.start + k * 6 + 2);
  return shape;
}

export interface LegacySlide {
  /** Title first, then text boxes and pictures from top to bottom; pictures by their BLIP store index. */
  parts: ({ kind: 'text'; title: boolean; lines: string[] } | { kind: 'picture'; index: number })[];
}

function readSlide(data: Buffer, container: RecordAt | undefined, entry: SlideEntry): LegacySlide {
  const drawing = container && children(data, container).find((r) => r.type === RT.drawing);
  const shapes = drawing
    ? descendants(data, drawing)
        .filter((r) => r.type === RT.shape)
        .map((r) => shapeOf(data, r, entry.outline))
    : [];
  const used = new Set(shapes.flatMap((s) => s.texts));
  // Placeholder text no text box refers to (some writers leave the references out) still belongs to the slide.
  const loose: Shape[] = entry.outline.filter((t) => !used.has(t)).map((t) => ({ top: TITLE_TYPES.has(t.type) ? -1 : 0, texts: [t] }));
  const parts: LegacySlide['parts'] = [];
  for (const shape of [...loose, ...shapes].sort((a, b) => a.top - b.top)) {
    for (const text of shape.texts) {
      if (text.type === NOTES_TYPE) continue;
      const lines = text.text
        .split(/[\r\n\v]/)
        .map((line) => line.replace(/[\u0000-\u001f]/g, '').trim())
        .filter(Boolean);
      if (lines.length) parts.push({ kind: 'text', title: TITLE_TYPES.has(text.type), lines });
    }
    if (shape.picture) parts.push({ kind: 'picture', index: shape.picture });
  }
  const title = parts.findIndex((p) => p.kind === 'text' && p.title);
  return { parts: title > 0 ? [parts[title]!, ...parts.filter((_, i) => i !== title)] : parts };
}

export interface LegacyDeck {
  slides: LegacySlide[];
  /** The picture behind a BLIP store index (1-based), when it is a JPEG, PNG or TIFF. */
  picture(index: number): Uint8Array | undefined;
}

/** Opens a .ppt/.dps; throws LegacyPresentationError when it is encrypted or not a presentation. */
export function readLegacyPresentation(bytes: Uint8Array, maxSlides: number): LegacyDeck {
  let file: CFB.CFB$Container;
  try {
    file = CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: 'buffer' });
  } catch (error) {
    throw new LegacyPresentationError('damaged', `The file is damaged (${(error as Error).message}).`);
  }
  const stream = (name: string) => {
    const entry = CFB.find(file, name);
    return entry?.content ? Buffer.from(entry.content as Uint8Array) : undefined;
  };
  if (stream('EncryptedSummary') || stream('EncryptedPackage'))
    throw new LegacyPresentationError('encrypted', 'The presentation is protected with a password.');
  const data = stream('PowerPoint Document');
  if (!data) throw new LegacyPresentationError('damaged', 'The file is not a PowerPoint or WPS presentation (no slides stream).');
  const { offsets, documentId } = persistOffsets(data, stream('Current User'));
  // Without a readable edit chain, the document record where writers put it: first.
  const document = [offsets.get(documentId) ?? -1, 0].map((at) => record(data, at)).find((r) => r?.type === RT.document);
  if (!document) throw new LegacyPresentationError('damaged', 'The presentation is damaged (its document record is missing).');
  const slides = slideList(data, document)
    .slice(0, maxSlides)
    .map((entry) => {
      const container = record(data, offsets.get(entry.persistId) ?? -1);
      return readSlide(data, container?.type === RT.slide ? container : undefined, entry);
    });
  const store = blipStore(data, document);
  const pictures = stream('Pictures') ?? Buffer.alloc(0);
  return {
    slides,
    picture: (index) => {
      const entry = store[index - 1];
      if (!entry) return undefined;
      return entry.inline ? blipBytes(data, entry.inline) : blipBytes(pictures, record(pictures, entry.offset));
    },
  };
}

/** A deck's slides as the blocks a .pptx slide gives: title heading, paragraphs, pictures (those stored). */
export function legacySlideBlocks(slide: LegacySlide, images: Map<number, ImageRef>): SourceBlock[] {
  return slide.parts.flatMap((part): SourceBlock[] => {
    if (part.kind === 'picture') {
      const image = images.get(part.index);
      return image ? [{ type: 'image', image }] : [];
    }
    if (part.title) return [{ type: 'heading', level: 1, runs: [{ text: part.lines.join(' ') }], look: true }];
    return part.lines.map((text) => ({ type: 'paragraph', runs: [{ text }] }));
  });
}
