/**
 * The SMS site as a conversation: what a phone user texts (0, 1, 2 …, a keyword) and what the
 * compiled menu tree answers, node by node. Lottery draws follow the odds and the per-number limit.
 */
import type { SmsNode, SmsSite, SmsText } from '../../../../../shared/sites';

export interface SmsMessage {
  from: 'user' | 'site' | 'note';
  text: string;
  /** Site replies: how they are billed. */
  reply?: SmsText;
  /** Notes: a key for the UI's own text (not an SMS). */
  noteKey?: string;
  noteParams?: Record<string, string | number>;
}

export interface SmsSession {
  node: string | null;
  /** What the next message answers: a guestbook message or a survey choice. */
  awaiting: 'guestbook' | 'survey' | null;
  draws: number;
  messages: SmsMessage[];
}

export const newSession = (): SmsSession => ({ node: null, awaiting: null, draws: 0, messages: [] });

const nodeById = (site: SmsSite, id: string) => site.nodes.find((n) => n.id === id);

function enter(site: SmsSite, session: SmsSession, node: SmsNode | undefined): SmsSession {
  const target = node ?? nodeById(site, site.root);
  if (!target) return session;
  const awaiting = target.kind === 'guestbook' ? 'guestbook' : target.kind === 'survey' ? 'survey' : null;
  return {
    ...session,
    node: target.id,
    awaiting,
    messages: [...session.messages, { from: 'site', text: target.reply.text, reply: target.reply }],
  };
}

function reply(session: SmsSession, text: SmsText, patch: Partial<SmsSession> = {}): SmsSession {
  return { ...session, ...patch, messages: [...session.messages, { from: 'site', text: text.text, reply: text }] };
}

function note(session: SmsSession, noteKey: string, noteParams: Record<string, string | number> = {}): SmsSession {
  return { ...session, messages: [...session.messages, { from: 'note', text: '', noteKey, noteParams }] };
}

/** A draw: each prize by its chance per 10,000, else the losing text. `random` is injectable for tests. */
function draw(site: SmsSite, session: SmsSession, random: () => number): SmsSession {
  const lottery = site.lottery;
  if (!lottery) return enter(site, session, undefined);
  if (session.draws >= lottery.perNumberLimit) return note(session, 'sites.sms.sim.limitReached', { limit: lottery.perNumberLimit });
  const roll = Math.floor(random() * 10_000);
  let edge = 0;
  const next = { ...session, draws: session.draws + 1 };
  for (const prize of lottery.prizes) {
    edge += prize.chancePer10000;
    if (roll < edge) return reply(next, prize.reply);
  }
  return reply(next, lottery.lose);
}

export function send(site: SmsSite, session: SmsSession, input: string, random: () => number = Math.random): SmsSession {
  const text = input.trim();
  const upper = text.toUpperCase();
  let s: SmsSession = { ...session, messages: [...session.messages, { from: 'user', text }] };
  const current = session.node ? nodeById(site, session.node) : undefined;

  if (session.awaiting === 'guestbook' && text !== '0' && site.guestbook) return reply(s, site.guestbook.thanks, { awaiting: null });
  if (session.awaiting === 'survey' && site.survey && /^[1-9]$/.test(text) && Number(text) <= site.survey.options.length)
    return reply(s, site.survey.thanks, { awaiting: null });

  if (site.lottery && upper === site.lottery.keyword) return draw(site, s, random);
  const option = current?.options.find((o) => o.key.toUpperCase() === upper);
  if (option) return enter(site, s, nodeById(site, option.target));
  const keyword = site.keywords.find((k) => k.key.toUpperCase() === upper);
  if (keyword) return enter(site, s, nodeById(site, keyword.target));
  // Anything else (the first message, a wrong digit) brings the main menu.
  if (session.node) s = note(s, 'sites.sms.sim.unknown');
  return enter(site, s, undefined);
}

/** Billed messages the enterprise sent in the conversation. */
export const totalMessages = (session: SmsSession) => session.messages.reduce((n, m) => n + (m.reply?.messages ?? 0), 0);
