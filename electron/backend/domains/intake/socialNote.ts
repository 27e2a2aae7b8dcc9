/**
 * How social notes (小红书, 抖音, Moments) write what a list would label: prices as "68r/套", "198r起", "58r" — r
 * for 元 (RMB) — and the contact lines led by an emoji instead of a label ("📍洛阳市…", "📞0379-…", "⏰8:00-21:00").
 * Written out as 元 and as labels so the price and contact readers see them.
 */

/** An amount with r right after it, at the end of the price (a unit, 起, a bracket, a space or the line's end). */
const R_FOR_YUAN = /(?<=\d)r(?=$|[/起\s（(，,。!！~～])/g;

/** The line with "68r/套" written "68元/套"; a line without Chinese (a model number, an English phrase) is left as it is. */
export function withYuanForR(line: string): string {
  return /[\u4e00-\u9fff]/.test(line) ? line.replace(R_FOR_YUAN, '元') : line;
}

/** The emoji that stand for a contact label at the start of a line. */
const EMOJI_LABELS: [RegExp, string][] = [
  [/^(?:📍|🗺️?)\s*/u, '地址：'],
  // 🏠 is also "home" and heads a post ("🏠青新12月特惠来啦"): an address only when what follows reads as one.
  [/^🏠\s*(?=.*(?:[省市区县镇乡村路街巷]|\d+号))/u, '地址：'],
  [/^(?:📞|☎️?|📱)\s*/u, '电话：'],
  [/^(?:⏰|🕙|🕘|🕐|⌚️?)\s*/u, '营业时间：'],
];

/** "📍洛阳市…" → "地址：洛阳市…"; a line that names its label after the emoji ("📞电话：…", "☎️订餐电话0530…") keeps it. */
export function withEmojiLabel(line: string): string {
  const text = line.trim();
  for (const [emoji, label] of EMOJI_LABELS) {
    const match = emoji.exec(text);
    if (!match) continue;
    const rest = text.slice(match[0].length);
    return /^[\u4e00-\u9fff]{1,6}\s*[：:]|^[\u4e00-\u9fff]{0,4}(?:营业时间|地址|电话|热线|手机)/.test(rest) ? rest : `${label}${rest}`;
  }
  return line;
}
