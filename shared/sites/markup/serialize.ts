/** Serializers: the only place where markup text is produced. Every string is cleaned and escaped here. */
import { isElement, variableText, type AttrValue, type Child, type Element } from './node';
import { cleanText } from './text';

const HTML_VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Whether a text has anything to escape or clean: most texts have nothing and are written as they are. */
const TEXT_WORK = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF]/;
const ATTR_WORK = /[&<>"\t\n\r\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF]/;

const escapeText = (s: string): string =>
  TEXT_WORK.test(s) ? cleanText(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : s;
const escapeAttr = (s: string): string =>
  ATTR_WORK.test(s)
    ? escapeText(s)
        .replace(/"/g, '&quot;')
        .replace(/[\t\n\r]/g, ' ')
    : s;

/** WML reads `$` as the start of a variable reference: a literal dollar is written `$$` (STANDARDS §1.2). */
export const doubleDollar = (s: string): string => (s.includes('$') ? s.replace(/\$/g, '$$$$') : s);

export interface SerializeOptions {
  /** 'html': HTML5 void elements (`<br>`); 'xml': every empty element self-closes (`<br/>`). */
  syntax: 'html' | 'xml';
  /** Tags followed by a newline, for readable output; none of them may sit in inline context. */
  breakAfter: ReadonlySet<string>;
  /** WML: literal `$` written `$$` in text and attribute values. */
  wmlDollar?: boolean;
}

function attrText(value: Exclude<AttrValue, boolean | undefined>, options: SerializeOptions): string {
  if (typeof value === 'object') {
    if (!options.wmlDollar) throw new Error('WML variables exist only in WML');
    return variableText(value);
  }
  const text = String(value);
  return escapeAttr(options.wmlDollar ? doubleDollar(text) : text);
}

function openTag(el: Element, options: SerializeOptions): string {
  let out = `<${el.tag}`;
  for (const [name, value] of el.attrs) {
    if (value === undefined || value === false) continue;
    if (value === true) out += options.syntax === 'html' ? ` ${name}` : ` ${name}="${name}"`;
    else out += ` ${name}="${attrText(value, options)}"`;
  }
  return out;
}

function write(child: Child, options: SerializeOptions, out: string[]): void {
  if (!isElement(child)) {
    out.push(escapeText(options.wmlDollar ? doubleDollar(child) : child));
    return;
  }
  const start = openTag(child, options);
  const newline = options.breakAfter.has(child.tag) ? '\n' : '';
  if (options.syntax === 'html' && HTML_VOID.has(child.tag)) {
    out.push(`${start}>${newline}`);
    return;
  }
  if (options.syntax === 'xml' && child.children.length === 0) {
    out.push(`${start}/>${newline}`);
    return;
  }
  out.push(`${start}>`);
  for (const c of child.children) write(c, options, out);
  out.push(`</${child.tag}>${newline}`);
}

export function serialize(root: Child, options: SerializeOptions): string {
  const out: string[] = [];
  write(root, options, out);
  return out.join('');
}
