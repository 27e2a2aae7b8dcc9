/**
 * An amount in fen written in Chinese capitals (大写金额), as on an invoice or a signed order, by the
 * rules of 《支付结算办法》: 元整 when there are no jiao or fen; one 零 for a run of zeros inside the
 * number; 零 after 元 when fen follow without jiao; nothing after 分 or 角; 壹拾 for ten.
 */
const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const PLACES = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿', '万亿'];

/** One group of four digits (1–9999) in words, without its group unit (万, 亿). */
function groupInWords(value: number): string {
  let words = '';
  let pendingZero = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(value / 10 ** place) % 10;
    if (digit === 0) {
      pendingZero = words !== '';
      continue;
    }
    words += (pendingZero ? '零' : '') + DIGITS[digit] + PLACES[place];
    pendingZero = false;
  }
  return words;
}

function yuanInWords(yuan: number): string {
  const groups: number[] = [];
  for (let rest = yuan; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  let words = '';
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i]!;
    if (group === 0) continue;
    // A group after a higher one that does not fill its thousands, or after skipped groups, starts with 零.
    const gap = words !== '' && (group < 1000 || groups[i + 1] === 0);
    words += (gap ? '零' : '') + groupInWords(group) + GROUPS[i];
  }
  return words;
}

export function amountInWords(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`Not an amount in fen: ${fen}`);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (fen === 0) return '零元整';
  const head = yuan > 0 ? `${yuanInWords(yuan)}元` : '';
  if (jiao === 0 && cents === 0) return `${head}整`;
  const jiaoWords = jiao > 0 ? `${DIGITS[jiao]}角` : head ? '零' : '';
  return head + jiaoWords + (cents > 0 ? `${DIGITS[cents]}分` : '');
}
