/**
 * PowerPoint .pptx company introductions (also WPS's .dps saved as .pptx): the slides in the
 * order the presentation lists them, each slide's title a heading, the paragraphs of its other
 * text boxes as paragraphs and its tables as tables — the same blocks a Word document gives, so one
 * structuring path serves both. Pictures on slides are not read (say so in the report); an old
 * binary .ppt is refused by name.
 */
import { strFromU8, unzipSync } from 'fflate';
import { parseDocument } from 'htmlparser2';
import type { SourceBlock } from './htmlToBlocks';
import { checkZip, ZipProblem } from './zipGuard';

export const MAX_SLIDES = 200;

export class PresentationProblem extends Error {
  constructor(
    readonly code: 'pptx.unreadable' | 'pptx.too_large' | 'pptx.legacy_format',
    message: string,
  ) {
    super(message);
  }
}

interface XmlNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: XmlNode[];
}

const isOle = (b: Uint8Array) => b.length > 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

const elements = (node: XmlNode, name: string): XmlNode[] =>
  (node.children ?? []).flatMap((child) => (child.type !== 'tag' ? [] : child.name === name ? [child] : elements(child, name)));

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

const parse = (xml: string) => parseDocument(xml, { xmlMode: true, decodeEntities: true }) as unknown as XmlNode;

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

/** One slide's blocks: its title as a heading, then its text boxes and tables from top to bottom. */
function slideBlocks(xml: string): SourceBlock[] {
  const root = parse(xml);
  const tree = first(root, 'p:spTree');
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
  return shapes.sort((a, b) => a.top - b.top).flatMap((s) => s.blocks);
}

/** Reads a .pptx into blocks, slide by slide. */
export function readPresentation(bytes: Uint8Array): SourceBlock[] {
  if (isOle(bytes))
    throw new PresentationProblem(
      'pptx.legacy_format',
      'This is an old PowerPoint .ppt file: open it in PowerPoint or WPS, save it as .pptx, and import it again.',
    );
  try {
    checkZip(bytes);
  } catch (error) {
    if (error instanceof ZipProblem)
      throw new PresentationProblem(error.code === 'office.too_large' ? 'pptx.too_large' : 'pptx.unreadable', error.message);
    throw error;
  }
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => /^ppt\/(presentation\.xml|_rels\/presentation\.xml\.rels|slides\/slide\d+\.xml)$/.test(file.name),
    });
  } catch (error) {
    throw new PresentationProblem('pptx.unreadable', `The presentation cannot be read (${(error as Error).message}).`);
  }
  const slides = slideOrder(files).slice(0, MAX_SLIDES);
  if (slides.length === 0)
    throw new PresentationProblem('pptx.unreadable', 'The file is not a PowerPoint .pptx presentation (it has no slides).');
  return slides.flatMap((name) => slideBlocks(strFromU8(files[name]!)));
}
