/** Paging long content into pages that fit a channel's budget, without cutting a character or (where avoidable) a word. */
import type { Run } from './model';
import { cutToFit } from './markup/text';

/** Splits a chunk into a head that satisfies `fits` and the rest, or null when it cannot be split. */
export type Splitter<C> = (chunk: C, fits: (head: C) => boolean) => [C, C] | null;

/**
 * Greedy paging: chunks fill a page while `fits(page)` holds. A chunk that does not fit is split to
 * fill the page when `worth(head, tail)` says the head is worth it, else it starts a new page; one that
 * does not fit even an empty page is split (or, when it cannot be, kept alone on a page that is then
 * over budget — the caller reports it). Always returns at least one page.
 */
export function paginate<C>(
  chunks: C[],
  fits: (page: C[]) => boolean,
  split: Splitter<C>,
  worth: (head: C, tail: C) => boolean = () => true,
): C[][] {
  const pages: C[][] = [[]];
  const queue = [...chunks];
  while (queue.length) {
    const chunk = queue.shift()!;
    const page = pages[pages.length - 1]!;
    if (fits([...page, chunk])) {
      page.push(chunk);
      continue;
    }
    const parts = split(chunk, (head) => fits([...page, head]));
    if (parts && (page.length === 0 || worth(parts[0], parts[1]))) {
      page.push(parts[0]);
      pages.push([]);
      queue.unshift(parts[1]);
    } else if (page.length > 0) {
      pages.push([]);
      queue.unshift(chunk);
    } else {
      page.push(chunk);
      if (queue.length) pages.push([]);
    }
  }
  return pages;
}

/* ---------- runs ---------- */

/** The runs covering code points [start, end) of their joined text, marks and links kept. */
export function sliceRuns(runs: Run[], start: number, end: number): Run[] {
  return slicePointRuns(
    runs,
    runs.map((run) => Array.from(run.text)),
    start,
    end,
  );
}

/** `sliceRuns` with each run's code points already split out (`points[i]` of `runs[i]`). */
function slicePointRuns(runs: Run[], points: string[][], start: number, end: number): Run[] {
  const out: Run[] = [];
  let offset = 0;
  for (let i = 0; i < runs.length && offset < end; i++) {
    const runPoints = points[i]!;
    const from = Math.max(start - offset, 0);
    const to = Math.min(end - offset, runPoints.length);
    if (to > from)
      out.push({ ...runs[i]!, text: from === 0 && to === runPoints.length ? runs[i]!.text : runPoints.slice(from, to).join('') });
    offset += runPoints.length;
  }
  return out;
}

/** Splits runs where `splitToFit` would split their text: the head fits, the rest follows. */
export function splitRunsToFit(runs: Run[], fits: (head: Run[]) => boolean): [Run[], Run[]] | null {
  const points = runs.map((run) => Array.from(run.text));
  const all = points.flat();
  const total = all.length;
  if (total < 2) return null;
  const fitsHead = (count: number) => fits(slicePointRuns(runs, points, 0, count));
  if (fitsHead(total)) return null;
  // Where splitToFit cuts the joined text, less the white space it trims from the head's end.
  let cut = cutToFit(all, fitsHead);
  while (cut > 0 && /\s/.test(all[cut - 1]!)) cut--;
  const headRuns = slicePointRuns(runs, points, 0, cut);
  if (cut >= total || !fits(headRuns)) return null;
  const tail = slicePointRuns(runs, points, cut, total);
  // Drop the white space the split left at the start of the tail.
  if (tail[0]) tail[0] = { ...tail[0], text: tail[0].text.trimStart() };
  return [headRuns, tail.filter((r) => r.text !== '')];
}
