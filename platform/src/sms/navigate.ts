/**
 * One step through a compiled SMS site (`SmsSite`, shared/sites/sms/menu.ts): where a number is
 * (a stack of node ids, the current one last), what it texted, and what to answer. Pure, so the
 * whole menu logic is tested without a link. Digits choose among the current node's options, `0`
 * goes back one level, `00` to the main menu, keywords (the lottery's) work anywhere, TD/T opts out.
 */
import type { SmsNode, SmsSite } from '../../../shared/sites';

export type SiteAction =
  { kind: 'guestbook'; text: string } | { kind: 'lottery' } | { kind: 'survey'; option: number } | { kind: 'optout' };

export interface Step {
  /** The stack after this MO. */
  path: string[];
  /** The reply (signature included), unless an action answers for itself. */
  reply: string | null;
  action?: SiteAction;
  /** A new session: the reply is the main menu and the WAP Push goes with it. */
  opened: boolean;
}

const OPT_OUT = new Set(['TD', 'T', '退订']);

/** What the user typed, as compared with keys: full-width digits and letters folded, spaces dropped, upper case. */
export const normalizeKey = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
/** TD, T or 退订 (any case, full-width too): the number opts out. */
export const isOptOut = (text: string): boolean => OPT_OUT.has(normalizeKey(text));

export function nodeOf(site: SmsSite, id: string): SmsNode | undefined {
  return site.nodes.find((n) => n.id === id);
}

function go(site: SmsSite, path: string[], id: string): Step {
  const node = nodeOf(site, id) ?? nodeOf(site, site.root)!;
  return { path: [...path, node.id], reply: node.reply.text, opened: false };
}

const mainMenu = (site: SmsSite): Step => go(site, [], site.root);

export function step(site: SmsSite, path: string[] | null, text: string): Step {
  const key = normalizeKey(text);
  if (isOptOut(key)) return { path: path ?? [site.root], reply: null, action: { kind: 'optout' }, opened: false };
  if (path === null || path.length === 0) return { ...mainMenu(site), opened: true };
  if (key === '00') return mainMenu(site);
  if (key === '0') return path.length > 1 ? go(site, path.slice(0, -2), path[path.length - 2]!) : mainMenu(site);
  const current = nodeOf(site, path[path.length - 1]!);
  if (current?.kind === 'guestbook' && key !== '')
    return {
      path: [site.root],
      reply: site.guestbook?.thanks.text ?? null,
      action: { kind: 'guestbook', text: text.trim() },
      opened: false,
    };
  if (current?.kind === 'survey' && site.survey) {
    const option = Number(key);
    if (Number.isInteger(option) && option >= 1 && option <= site.survey.options.length)
      return { path: path.slice(0, -1), reply: null, action: { kind: 'survey', option }, opened: false };
  }
  if (site.lottery && key === site.lottery.keyword) return { path, reply: null, action: { kind: 'lottery' }, opened: false };
  const option = current?.options.find((o) => o.key === key) ?? site.keywords.find((o) => o.key === key);
  if (option) return go(site, path, option.target);
  // Anything else: the main menu again, so the user sees what to reply.
  return mainMenu(site);
}
