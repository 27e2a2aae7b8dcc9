/**
 * An Evernote (印象笔记) export `.enex`: notes, each a title and its content in ENML (XHTML with `<en-note>`,
 * `<en-media hash>` for a picture kept as a base64 `<resource>`, `<en-todo>` checkboxes), written out as the HTML the
 * other readers give, one page per note. A to-do list is the owner's own (customers to ring back, a purchase price),
 * never the site's: a note of checkboxes, or one titled 待办/备忘/私人, is left out.
 */
import { createHash } from 'node:crypto';
import { linesAsParagraphs } from './email';
import { elements, type XmlNode } from './xmlTree';
import { ASSET_SCHEME } from './sanitize';

export interface EvernoteNote {
  title: string;
  html: string;
}

const childText = (node: XmlNode, name: string): string =>
  elements(node, name)
    .map((element) => textOf(element))
    .join('')
    .trim();

function textOf(node: XmlNode): string {
  if (node.type === 'text' || node.type === 'cdata') return node.data ?? (node.children ?? []).map(textOf).join('');
  return (node.children ?? []).map(textOf).join('');
}

/** Whether the XML tree is an Evernote export. */
export const isEvernoteExport = (root: XmlNode) => elements(root, 'en-export').length > 0;

/** A title that says the note is the owner's own. */
const PRIVATE_TITLE = /待办|待做|备忘|私人|私密|日记|to-?do/i;

/** A to-do list: two checkboxes or more, on at least half its lines. */
function isToDoList(title: string, enml: string): boolean {
  if (PRIVATE_TITLE.test(title)) return true;
  const todos = enml.match(/<en-todo\b/g)?.length ?? 0;
  const lines = enml.match(/<(?:div|p|li)\b/g)?.length ?? 0;
  return todos >= 2 && todos * 2 >= lines;
}

/** A note's pictures: the MD5 of each resource's bytes (what `<en-media hash>` names) → the bytes. */
function resources(note: XmlNode): Map<string, Uint8Array> {
  const byHash = new Map<string, Uint8Array>();
  for (const resource of elements(note, 'resource')) {
    const mime = childText(resource, 'mime');
    if (!/^image\//.test(mime)) continue;
    const bytes = new Uint8Array(Buffer.from(childText(resource, 'data').replace(/\s+/g, ''), 'base64'));
    byHash.set(createHash('md5').update(bytes).digest('hex'), bytes);
  }
  return byHash;
}

/** ENML as HTML: lines as paragraphs, the pictures it shows stored and shown, checkboxes and encrypted text left out. */
async function noteHtml(
  enml: string,
  pictures: Map<string, Uint8Array>,
  storePicture: (bytes: Uint8Array, name: string) => Promise<string | undefined>,
): Promise<string> {
  const shown = new Map<string, string | undefined>();
  for (const [, hash] of enml.matchAll(/<en-media\b[^>]*\bhash\s*=\s*["']([0-9a-f]+)["']/gi)) {
    const bytes = pictures.get(hash!.toLowerCase());
    if (bytes && !shown.has(hash!.toLowerCase())) shown.set(hash!.toLowerCase(), await storePicture(bytes, hash!));
  }
  const html = enml
    .replace(/<\?xml[^>]*\?>|<!DOCTYPE[^>]*>/gi, '')
    .replace(/<en-note\b[^>]*>/gi, '<div>')
    .replace(/<\/en-note>/gi, '</div>')
    .replace(/<en-crypt\b[^>]*>[\s\S]*?<\/en-crypt>/gi, '')
    .replace(/<en-todo\b[^>]*\/?>(?:<\/en-todo>)?/gi, '')
    .replace(/<en-media\b([^>]*)\/?>(?:<\/en-media>)?/gi, (_whole, attributes: string) => {
      const hash = /\bhash\s*=\s*["']([0-9a-f]+)["']/i.exec(attributes)?.[1]?.toLowerCase();
      const sha256 = hash ? shown.get(hash) : undefined;
      return sha256 ? `<img src="${ASSET_SCHEME}:${sha256}" alt="">` : '';
    });
  // Evernote, like mail writers, puts each line in a <div>.
  return linesAsParagraphs(html);
}

/** The notes of an export, to-do lists left out, their pictures stored through `storePicture`. */
export async function readEvernote(
  root: XmlNode,
  storePicture: (bytes: Uint8Array, name: string) => Promise<string | undefined>,
): Promise<EvernoteNote[]> {
  const notes: EvernoteNote[] = [];
  for (const note of elements(root, 'note')) {
    const title = childText(note, 'title');
    const enml = childText(note, 'content');
    if (!enml.trim() || isToDoList(title, enml)) continue;
    notes.push({ title, html: await noteHtml(enml, resources(note), storePicture) });
  }
  return notes;
}
