/**
 * A text titled as the business's introduction ("恒源劳务公司简介", a sheet named 公司简介) whose own
 * sections, a level down, name columns of several kinds ("1 公司概况", "2 业务范围及收费", "3 联系方式"):
 * the title heads the whole text, not one column, so its sections are columns beside it.
 */
import { runsText } from '../../../../shared/sites/model';
import type { SourceBlock } from './htmlToBlocks';
import { matchColumnKeyword } from './keywords';

type Heading = Extract<SourceBlock, { type: 'heading' }>;
const isHeading = (b: SourceBlock): b is Heading => b.type === 'heading';
const typeOf = (h: Heading) => matchColumnKeyword(runsText(h.runs))?.type;

/** The indexes of the headings one level below the heading at `at`, up to where its section ends. */
function subHeadings(blocks: SourceBlock[], at: number): number[] {
  const level = (blocks[at] as Heading).level;
  const inside: number[] = [];
  for (let i = at + 1; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (!isHeading(block)) continue;
    if (block.level <= level) break;
    inside.push(i);
  }
  const top = Math.min(...inside.map((i) => (blocks[i] as Heading).level));
  return inside.filter((i) => (blocks[i] as Heading).level === top);
}

/**
 * Raises the sections of an introduction-titled heading to its level when they name two or more kinds
 * of column, one of them not an introduction. Innermost titles first (a sheet named 公司简介 over a
 * typed title "…公司简介" over numbered sections).
 */
export function sectionsUnderTitle(blocks: SourceBlock[]): SourceBlock[] {
  const out = [...blocks];
  for (let at = out.length - 1; at >= 0; at--) {
    const title = out[at]!;
    if (!isHeading(title) || typeOf(title) !== 'intro') continue;
    const sections = subHeadings(out, at);
    const types = new Set(sections.map((i) => typeOf(out[i] as Heading)).filter(Boolean));
    if (types.size < 2 || ![...types].some((t) => t !== 'intro')) continue;
    for (const i of sections) out[i] = { ...(out[i] as Heading), level: title.level };
  }
  return out;
}
