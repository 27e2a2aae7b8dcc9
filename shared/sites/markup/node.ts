/**
 * A tiny markup tree. Renderers build elements; only serializers turn them into text, escaping
 * every string on the way out. User text can never become markup because no API takes raw markup.
 */

/** A WML variable reference `$(name)`: the one way to write an unescaped `$` (WML forms post their fields with it). */
export interface WmlVariable {
  wmlVariable: string;
}
export type AttrValue = string | number | boolean | undefined | WmlVariable;

export const wmlVariable = (name: string): WmlVariable => {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,31}$/.test(name)) throw new Error(`Not a WML variable name: ${name}`);
  return { wmlVariable: name };
};

/** The text of an attribute value; variables as `$(name)`. */
export const variableText = (value: WmlVariable): string => `$(${value.wmlVariable})`;

export interface Element {
  tag: string;
  /** In output order; `undefined` and `false` values are left out, `true` is a boolean attribute. */
  attrs: [string, AttrValue][];
  children: Child[];
}

/** A string child is text. */
export type Child = Element | string;

export type Attrs = Record<string, AttrValue>;

/** h('p', { class: 'lead' }, 'text', h('br')) — nested arrays of children are flattened, null/false skipped. */
export function h(tag: string, attrs: Attrs = {}, ...children: ChildInput[]): Element {
  return { tag, attrs: Object.entries(attrs), children: flatten(children) };
}

export type ChildInput = Child | null | undefined | false | ChildInput[];

function flatten(input: ChildInput[], out: Child[] = []): Child[] {
  for (const child of input) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) flatten(child, out);
    else out.push(child);
  }
  return out;
}

export const isElement = (child: Child): child is Element => typeof child !== 'string';

/** Text content of a tree, for sizes, titles and tests. */
export function textOf(child: Child): string {
  return typeof child === 'string' ? child : child.children.map(textOf).join('');
}
