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

/** The lines with the chat's frames blanked and stickers removed; other text is returned as it is. */
export function withoutChatFrames(lines: string[]): string[] {
  if (!isChatExport(lines)) return lines;
  return lines.map((line) => {
    const text = line.trim();
    if (SENDER.test(text) || DAY_DIVIDER.test(text) || PLACEHOLDER_LINE.test(text)) return '';
    return line.replace(INLINE_STICKER, '');
  });
}
