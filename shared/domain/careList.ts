/**
 * 关怀名单: the numbers an enterprise's care messages go to besides those that texted its SMS site,
 * pasted or imported by the manager. Each entry is cleaned and checked as a roster's mobile is
 * (checkMemberMobile: full-width digits, +86, spaces and dashes dropped; Excel's 1.38E+10 refused),
 * and kept once.
 */
import { checkMemberMobile, type MemberMobileProblem } from './memberMobile';

/** The most numbers one list holds (the care sender's benchmark: 10,000 recipients in the window). */
export const CARE_LIST_MAX = 10_000;
/** The most characters of pasted or imported text read at once (10,000 lines of a number and a name). */
export const CARE_LIST_TEXT_MAX = 1_000_000;

export interface CareListReading {
  /** The valid numbers not already in the list, in the order read. */
  added: string[];
  /** Entries that are no mainland mobile number, with their line (1-based). */
  rejected: { line: number; text: string; problem: Exclude<MemberMobileProblem, 'missing'> }[];
  /** Valid numbers already in the list or read twice. */
  duplicates: number;
  /** Valid numbers left out because the list would pass CARE_LIST_MAX. */
  overLimit: number;
}

/** Entries are separated by line breaks, commas, semicolons or tabs (spaces stay: people write 138 0013 8000). */
const SEPARATORS = /[\r\n,，;；\t、]+/;

/** The number in an entry such as `张三 138-0013-8000` (a name beside it is ignored); Excel's 1.38E+10 is kept whole to be refused. */
const NUMBER = /^\d(\.\d+)?e\+?\d+$|[+(]?\d[\d\s\-‐‑–—().]*/i;

/** Reads pasted or imported text (one number per line, or separated by commas …) into numbers to add to `existing`. */
export function readCareList(text: string, existing: readonly string[] = []): CareListReading {
  const known = new Set(existing);
  const reading: CareListReading = { added: [], rejected: [], duplicates: 0, overLimit: 0 };
  text
    .slice(0, CARE_LIST_TEXT_MAX)
    .split(/\r\n?|\n/)
    .forEach((lineText, i) => {
      for (const entry of lineText
        .split(SEPARATORS)
        .map((e) => e.trim())
        .filter(Boolean)) {
        const number = NUMBER.exec(entry.normalize('NFKC'))?.[0];
        if (!number) continue; // a name, or a header such as 手机号
        const { normalized, problem } = checkMemberMobile(number);
        if (problem === 'scientific' || problem === 'invalid') reading.rejected.push({ line: i + 1, text: entry.slice(0, 40), problem });
        else if (problem) continue;
        else if (known.has(normalized)) reading.duplicates++;
        else if (known.size >= CARE_LIST_MAX) reading.overLimit++;
        else {
          known.add(normalized);
          reading.added.push(normalized);
        }
      }
    });
  return reading;
}
