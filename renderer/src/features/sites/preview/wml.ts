/**
 * WML 1.x decks read for the feature-phone preview: cards with their title, paragraphs of text,
 * links (with access keys), pictures, input fields and soft keys. Parsed as XML with DOMParser
 * (nothing in it runs); everything not understood is shown as its text.
 */

export type Inline =
  | { kind: 'text'; text: string; bold?: boolean; italic?: boolean }
  | { kind: 'br' }
  | { kind: 'link'; text: string; href: string; accesskey?: string; post?: boolean }
  | { kind: 'img'; src: string; alt: string }
  | { kind: 'input'; name: string; maxLength?: number };

export interface WmlCard {
  id?: string;
  title: string;
  paragraphs: Inline[][];
  /** The right soft key from `<do type="prev">`. */
  prevLabel?: string;
}

export type ParsedDeck = { ok: true; cards: WmlCard[] } | { ok: false; error: string };

interface Marks {
  bold?: boolean;
  italic?: boolean;
}

const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ');

function inlines(node: Node, marks: Marks, out: Inline[]): void {
  if (node.nodeType === Node.TEXT_NODE) {
    const value = (node.nodeValue ?? '').replace(/\s+/g, ' ');
    if (value.trim() || (value && out.length)) out.push({ kind: 'text', text: value, ...marks });
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) return;
  const el = node as Element;
  switch (el.localName) {
    case 'br':
      return void out.push({ kind: 'br' });
    case 'a':
      return void out.push({
        kind: 'link',
        text: text(el).trim(),
        href: el.getAttribute('href') ?? '',
        ...(el.getAttribute('accesskey') ? { accesskey: el.getAttribute('accesskey')! } : {}),
      });
    case 'anchor': {
      const go = el.getElementsByTagName('go')[0];
      const label = [...el.childNodes]
        .filter((c) => c.nodeType === Node.TEXT_NODE)
        .map((c) => c.nodeValue ?? '')
        .join('')
        .trim();
      return void out.push({
        kind: 'link',
        text: label,
        href: go?.getAttribute('href') ?? '',
        post: go?.getAttribute('method') === 'post',
      });
    }
    case 'img':
      return void out.push({ kind: 'img', src: el.getAttribute('src') ?? '', alt: el.getAttribute('alt') ?? '' });
    case 'input': {
      const max = Number(el.getAttribute('maxlength'));
      return void out.push({ kind: 'input', name: el.getAttribute('name') ?? '', ...(max > 0 ? { maxLength: max } : {}) });
    }
    case 'b':
    case 'strong':
    case 'big':
      return el.childNodes.forEach((c) => inlines(c, { ...marks, bold: true }, out));
    case 'i':
    case 'em':
      return el.childNodes.forEach((c) => inlines(c, { ...marks, italic: true }, out));
    case 'do':
    case 'onevent':
    case 'timer':
    case 'setvar':
    case 'postfield':
      return;
    default:
      el.childNodes.forEach((c) => inlines(c, marks, out));
  }
}

function card(el: Element): WmlCard {
  const paragraphs: Inline[][] = [];
  let prevLabel: string | undefined;
  for (const child of [...el.children]) {
    if (child.localName === 'do') {
      if (child.getAttribute('type') === 'prev') prevLabel = child.getAttribute('label') ?? '返回';
      continue;
    }
    const line: Inline[] = [];
    inlines(child, {}, line);
    if (line.length) paragraphs.push(line);
  }
  return {
    ...(el.getAttribute('id') ? { id: el.getAttribute('id')! } : {}),
    title: el.getAttribute('title') ?? '',
    paragraphs,
    ...(prevLabel ? { prevLabel } : {}),
  };
}

export function parseDeck(source: string): ParsedDeck {
  const doc = new DOMParser().parseFromString(source, 'application/xml');
  const failure = doc.getElementsByTagName('parsererror')[0];
  if (failure) return { ok: false, error: text(failure).slice(0, 200) };
  if (doc.documentElement.localName !== 'wml') return { ok: false, error: 'not a WML deck' };
  const cards = [...doc.getElementsByTagName('card')].map(card);
  return cards.length ? { ok: true, cards } : { ok: false, error: 'the deck has no card' };
}

/** Where a link leads, from the deck at `deckPath`: another deck (and card), a card of this deck, or outside the site. */
export type LinkTarget =
  | { kind: 'deck'; path: string; card?: string }
  | { kind: 'card'; card: string }
  | { kind: 'call'; number: string }
  | { kind: 'external'; href: string };

export function linkTarget(deckPath: string, href: string): LinkTarget {
  if (href.startsWith('#')) return { kind: 'card', card: href.slice(1) };
  const call = /^wtai:\/\/wp\/mc;(.+)$/i.exec(href) ?? /^tel:(.+)$/i.exec(href);
  if (call) return { kind: 'call', number: call[1]! };
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//') || href.startsWith('/')) return { kind: 'external', href };
  const [path = '', card] = href.split('#');
  const url = new URL(path, `https://preview.invalid/${deckPath}`);
  return { kind: 'deck', path: decodeURIComponent(url.pathname.slice(1)), ...(card ? { card } : {}) };
}
