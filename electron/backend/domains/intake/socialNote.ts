/**
 * How prices are written in social notes (小红书, 抖音, Moments): "68r/套", "198r起", "58r" — r for 元 (RMB).
 * Written out as 元 so the price readers see a price.
 */

/** An amount with r right after it, at the end of the price (a unit, 起, a bracket, a space or the line's end). */
const R_FOR_YUAN = /(?<=\d)r(?=$|[/起\s（(，,。!！~～])/g;

/** The line with "68r/套" written "68元/套"; a line without Chinese (a model number, an English phrase) is left as it is. */
export function withYuanForR(line: string): string {
  return /[\u4e00-\u9fff]/.test(line) ? line.replace(R_FOR_YUAN, '元') : line;
}
