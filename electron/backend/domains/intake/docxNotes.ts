/**
 * Word footnotes and endnotes in mammoth's HTML: mammoth writes each reference as a superscript link
 * "[1]" into the text and the notes as a numbered list at the end, each with a "↑" link back. The
 * reference marks are not part of the text they sit in (a product named "一喷三防[1]" is 一喷三防)
 * and the back links are not text at all. Each note is moved to just after the block that first refers to
 * it, as a `注：` paragraph: at the end of the document it would land in whatever column comes last (the contact).
 */
import { DomUtils, parseDocument } from 'htmlparser2';

type ChildNode = ReturnType<typeof parseDocument>['children'][number];

/** `<sup><sup><a href="#footnote-2" id="footnote-ref-2">[1]</a></sup></sup>`, with any nesting of sup. */
const NOTE_REFERENCE = /(?:<sup>)*<a href="#(?:footnote|endnote)-[^"]*" id="(?:footnote|endnote)-ref-[^"]*">\[\d+\]<\/a>(?:<\/sup>)*/g;

/** ` <a href="#footnote-ref-2">↑</a>` at the end of a note. */
const NOTE_BACK_LINK = /\s*<a href="#(?:footnote|endnote)-ref-[^"]*">↑<\/a>/g;

const NOTE_ID = /^(?:footnote|endnote)-\d+$/;

const textIn = (node: ChildNode): string =>
  node.type === 'text' ? node.data : 'children' in node ? node.children.map(textIn).join('') : '';

const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The list of notes mammoth puts at the end: an `<ol>` whose every item has a note's id. */
function notesOf(node: ChildNode): Map<string, string> | undefined {
  if (node.type !== 'tag' || node.name !== 'ol') return undefined;
  const items = node.children.filter(DomUtils.isTag);
  if (items.length === 0 || !items.every((li) => NOTE_ID.test(li.attribs.id ?? ''))) return undefined;
  return new Map(items.map((li) => [li.attribs.id!, textIn(li).replace('↑', '').trim()]));
}

/** Each note as a `注：` paragraph after the top-level block that first refers to it. */
function notesAfterTheirBlocks(html: string): string {
  const document = parseDocument(html, { withStartIndices: true, withEndIndices: true });
  const blocks = document.children;
  const notes = new Map<string, string>();
  const lists = new Set<ChildNode>();
  for (const block of blocks) {
    const found = notesOf(block);
    if (found) {
      lists.add(block);
      for (const [id, text] of found) notes.set(id, text);
    }
  }
  if (notes.size === 0) return html;
  const placed = new Set<string>();
  let out = '';
  for (const block of blocks) {
    if (lists.has(block)) continue;
    const source = html.slice(block.startIndex ?? 0, (block.endIndex ?? -1) + 1);
    out += source;
    for (const match of source.matchAll(/href="#((?:footnote|endnote)-\d+)"/g)) {
      const id = match[1]!;
      const text = notes.get(id);
      if (text && !placed.has(id)) out += `<p>注：${escaped(text)}</p>`;
      placed.add(id);
    }
  }
  // A note nothing refers to stays at the end, as before.
  for (const [id, text] of notes) if (!placed.has(id) && text) out += `<p>注：${escaped(text)}</p>`;
  return out;
}

/** mammoth's HTML with each note after the block that refers to it, and without reference marks and back links. */
export const withoutNoteMarks = (html: string): string =>
  notesAfterTheirBlocks(html).replace(NOTE_REFERENCE, '').replace(NOTE_BACK_LINK, '');
