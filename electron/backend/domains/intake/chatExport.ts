/**
 * A group chat exported or copied to text (WeChat, QQ, DingTalk): each message is headed by a line
 * with the sender's nickname and the time ("清泉净水-王总  09:15:32", "张三 2026-11-20 09:15"), days
 * are divided by date lines ("——— 2026-11-20 ———"), and pictures, voice messages and stickers are
 * placeholders ("[图片]", "[抱拳]"). Those frames are not the customer's material: they are dropped
 * and each message is left as a block of its own (a blank line where a frame was).
 */

/**
 * A sender line: a nickname (no sentence punctuation) and a time, with or without the date — or, as
 * QQ writes it, the date and the time to the second first ("2026-11-20 9:15:32 王总(12345678)"; the
 * seconds tell it from a dated notice).
 */
const SENDER =
  /^(?:[^，。！？；：:,!?]{1,24}?\s+(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s+)?\d{1,2}:\d{2}(?::\d{2})?|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}:\d{2}\s+[^，。！？；,!?]{1,30})$/;
/** A day's divider: a date between rules ("——— 2026-11-20 ———", "—— 11月20日 ——"). */
const DAY_DIVIDER = /^[\s—\-=─―_~]{2,}\s*(?:\d{4}[-/.年]\s*)?\d{1,2}[-/.月]\s*\d{1,2}日?\s*(?:星期.|周.)?\s*[\s—\-=─―_~]{2,}$/;
/** A message that is only a placeholder: a picture, a voice message, a sticker … */
const PLACEHOLDER_LINE = /^\s*\[(?:图片|照片|表情|动画表情|语音|视频|文件|链接|位置|名片|红包|转账|聊天记录)\]\s*$/;
/** Stickers written inside a message ("好的[抱拳]", "收到[强]"). */
const INLINE_STICKER = /\[[\u4e00-\u9fff]{1,4}\]/g;

/** Lines of a chat export need at least this many sender lines. */
const MIN_SENDERS = 3;

export function isChatExport(lines: string[]): boolean {
  return lines.filter((line) => SENDER.test(line.trim())).length >= MIN_SENDERS;
}

/** "「移动-李经理：水晶唇就写1580吗？」": a quoted message a reply answers, and the rule drawn under it. */
const QUOTE = /^「[^：:」]{1,24}[：:](.+)」$/;
const QUOTE_RULE = /^(?:-\s*){3,}$/;
/** '"小张" 撤回了一条消息', "你撤回了一条消息": a recalled message, nothing left of it. */
const RECALLED = /撤回了一条消息$/;
/** "[语音] 12\"": a voice message with its length. */
const VOICE = /^\[语音\]\s*\d+(?:''|"|”|″|秒)?$/;

/** The sender's name on a sender line. */
function senderOf(line: string): string {
  const qq = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}:\d{2}\s+(.+)$/.exec(line);
  if (qq) return qq[1]!.replace(/[（(]\d+[)）]$/, '').trim();
  return line
    .replace(/\s+(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s+)?\d{1,2}:\d{2}(?::\d{2})?$/, '')
    .replace(/^"|"$/g, '')
    .trim();
}

export interface ChatMessage {
  sender: string;
  /** The message's lines, frames and placeholders dropped; a quoted message is in `quote`. */
  lines: string[];
  quote?: string;
}

/** A chat's messages in order, each with its sender; undefined when the lines are not a chat. */
export function chatMessages(lines: string[]): ChatMessage[] | undefined {
  if (!isChatExport(lines)) return undefined;
  const messages: ChatMessage[] = [];
  for (const line of lines) {
    const text = line.trim();
    if (SENDER.test(text)) {
      messages.push({ sender: senderOf(text), lines: [] });
      continue;
    }
    const message = messages.at(-1);
    if (!message || !text || DAY_DIVIDER.test(text) || PLACEHOLDER_LINE.test(text) || VOICE.test(text) || RECALLED.test(text)) continue;
    if (QUOTE_RULE.test(text)) continue;
    const quote = QUOTE.exec(text);
    if (quote) message.quote = quote[1];
    else message.lines.push(text.replace(INLINE_STICKER, '').trim());
  }
  return messages.filter((m) => m.lines.length);
}

/** A question, a request or a nod: how the one collecting the material talks ("价格发我一下", "收到", "对吧"). */
const ASKING = /[？?]|吗$|呢$|对吧|发我|发一下|发给我|发过来|^(?:好的|好|收到|嗯|OK|ok|行)(?:[，,。！!\s]|$)/;

/**
 * Who is asking: a sender other than the one who wrote the most, whose messages are at least half questions,
 * requests and nods — the customer manager collecting the material. What they write is not the material.
 */
export function askingSenders(messages: ChatMessage[]): Set<string> {
  const counts = new Map<string, { all: number; asking: number }>();
  for (const m of messages) {
    const count = counts.get(m.sender) ?? { all: 0, asking: 0 };
    count.all += 1;
    if (m.lines.some((l) => ASKING.test(l))) count.asking += 1;
    counts.set(m.sender, count);
  }
  const most = [...counts].sort((a, b) => b[1].all - a[1].all)[0]?.[0];
  return new Set([...counts].filter(([sender, c]) => sender !== most && c.asking * 2 >= c.all).map(([sender]) => sender));
}

/** The lines with the chat's frames blanked and stickers removed; other text is returned as it is. */
export function withoutChatFrames(lines: string[]): string[] {
  if (!isChatExport(lines)) return lines;
  return lines.map((line) => {
    const text = line.trim();
    if (SENDER.test(text) || DAY_DIVIDER.test(text) || PLACEHOLDER_LINE.test(text)) return '';
    return line.replace(INLINE_STICKER, '');
  });
}
