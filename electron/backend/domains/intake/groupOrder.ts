/**
 * A WeChat group order (群接龙) copied to text: the organiser's header (`#接龙`, a title, the goods and
 * their prices, where and whom to call), WeChat's sample line (`例 阿珍 乳鸽2只`), then the members'
 * numbered orders (`1. 陈姐 乳鸽2只 自取`, `2. …`). The header is the business's material; the sample
 * and the orders are customers' names and quantities, not goods, so they are left out.
 */

/** The tag WeChat puts on the first line of a 接龙. */
const GROUP_ORDER_TAG = /^#\s*接龙\s*$/;
/** WeChat's sample line: `例` then what an entry should look like. */
const SAMPLE_LINE = /^例[\s:：]/;
/** A member's entry: its number, a dot, a name … */
const ENTRY = /^(\d{1,3})[.．、]\s*\S/;

/** The index of the first entry of a run `1.`, `2.` … that goes on to the end of the text (blank lines allowed). */
function entriesStart(lines: string[]): number | undefined {
  let expected: number | undefined;
  let start: number | undefined;
  for (let i = lines.length - 1; i >= 0; i--) {
    const text = lines[i]!.trim();
    if (!text) continue;
    const number = ENTRY.exec(text)?.[1];
    if (!number || (expected !== undefined && Number(number) !== expected)) break;
    start = i;
    expected = Number(number) - 1;
    if (expected === 0) return start;
  }
  return undefined;
}

/**
 * The lines without the 接龙 tag, the sample and the members' entries, when the text is a group order:
 * it opens with `#接龙`, or a sample line stands right above entries counted from 1 to the end.
 */
export function withoutGroupOrders(lines: string[]): string[] {
  const first = lines.findIndex((line) => line.trim());
  const tagged = first >= 0 && GROUP_ORDER_TAG.test(lines[first]!.trim());
  const start = entriesStart(lines);
  const sample = lines.findIndex((line) => SAMPLE_LINE.test(line.trim()));
  const sampleAboveEntries =
    sample >= 0 && start !== undefined && sample < start && lines.slice(sample + 1, start).every((line) => !line.trim());
  if (!tagged && !sampleAboveEntries) return lines;
  return lines.slice(0, start ?? lines.length).filter((line, i) => !(tagged && i === first) && !(sample >= 0 && i === sample));
}
