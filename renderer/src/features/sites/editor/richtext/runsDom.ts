/**
 * Inline text between the editor's DOM and the model's runs. Only text, bold, italic and links with
 * an allowed scheme survive the trip; anything else a browser or a paste put there becomes plain text.
 * Runs go into the DOM as text nodes inside elements made here — never as HTML.
 */
import { isAllowedHref, type Run } from '../../../../../../shared/sites/model';

interface Marks {
  strong: boolean;
  em: boolean;
  href?: string;
}

function marksOf(el: HTMLElement, inherited: Marks): Marks {
  const tag = el.tagName.toLowerCase();
  const weight = el.style?.fontWeight ?? '';
  const strong = inherited.strong || tag === 'b' || tag === 'strong' || weight === 'bold' || Number(weight) >= 600;
  const em = inherited.em || tag === 'i' || tag === 'em' || el.style?.fontStyle === 'italic';
  const raw = tag === 'a' ? (el.getAttribute('href') ?? '') : '';
  const href = raw && isAllowedHref(raw) ? raw.trim() : inherited.href;
  return { strong, em, ...(href ? { href } : {}) };
}

const sameMarks = (a: Run, b: Run) => Boolean(a.strong) === Boolean(b.strong) && Boolean(a.em) === Boolean(b.em) && a.href === b.href;

function push(runs: Run[], text: string, marks: Marks): void {
  if (!text) return;
  const run: Run = {
    text,
    ...(marks.strong ? { strong: true } : {}),
    ...(marks.em ? { em: true } : {}),
    ...(marks.href ? { href: marks.href } : {}),
  };
  const last = runs[runs.length - 1];
  if (last && sameMarks(last, run)) last.text += text;
  else runs.push(run);
}

function walk(node: Node, marks: Marks, runs: Run[]): void {
  if (node.nodeType === Node.TEXT_NODE) return push(runs, (node.nodeValue ?? '').replace(/[\r\n\t]+/g, ' '), marks);
  if (node.nodeType !== Node.ELEMENT_NODE) return;
  const el = node as HTMLElement;
  if (el.tagName === 'BR') return push(runs, ' ', marks);
  const inner = marksOf(el, marks);
  el.childNodes.forEach((child) => walk(child, inner, runs));
  // A block element that a browser inserted (a <div> per line) reads as a space between lines.
  if (/^(DIV|P|LI)$/.test(el.tagName) && el.nextSibling) push(runs, ' ', marks);
}

export function domToRuns(root: HTMLElement): Run[] {
  const runs: Run[] = [];
  root.childNodes.forEach((child) => walk(child, { strong: false, em: false }, runs));
  // Non-breaking spaces that contentEditable uses for trailing spaces are plain spaces in the model.
  runs.forEach((r) => (r.text = r.text.replace(/\u00a0/g, ' ')));
  return runs.filter((r) => r.text !== '');
}

export function runsToDom(root: HTMLElement, runs: Run[]): void {
  root.replaceChildren(
    ...runs.map((run) => {
      let node: Node = document.createTextNode(run.text);
      if (run.em) node = wrap('em', node);
      if (run.strong) node = wrap('strong', node);
      if (run.href && isAllowedHref(run.href)) {
        const a = wrap('a', node) as HTMLAnchorElement;
        a.setAttribute('href', run.href);
        node = a;
      }
      return node;
    }),
  );
}

function wrap(tag: string, child: Node): HTMLElement {
  const el = document.createElement(tag);
  el.appendChild(child);
  return el;
}

export const runsEqual = (a: Run[], b: Run[]) => JSON.stringify(a) === JSON.stringify(b);

/** "www.x.cn" and "x.cn/y" become https links; mail addresses and phone numbers get their scheme. */
export function normalizeHref(input: string): string {
  const value = input.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return value;
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return `mailto:${value}`;
  if (/^\+?[\d\s-]{5,}$/.test(value)) return `tel:${value.replace(/[\s-]/g, '')}`;
  return `https://${value}`;
}
