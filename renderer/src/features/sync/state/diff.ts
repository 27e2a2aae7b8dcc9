/**
 * Character-level difference of two short texts (Chinese has no word spaces, so characters are the
 * words): for each side, which runs the other side does not have. Long texts are not compared.
 */
export interface Run {
  text: string;
  changed: boolean;
}

const MAX_CELLS = 400_000;

function push(runs: Run[], ch: string, changed: boolean): void {
  const last = runs[runs.length - 1];
  if (last && last.changed === changed) last.text += ch;
  else runs.push({ text: ch, changed });
}

/** One- or two-character matches between changes are noise ("路", "号"): they count as changed. */
function tidy(runs: Run[]): Run[] {
  const out: Run[] = [];
  runs.forEach((r, i) => {
    const between = i > 0 && i < runs.length - 1 && runs[i - 1]!.changed && runs[i + 1]!.changed;
    const changed = r.changed || (between && Array.from(r.text).length <= 2);
    for (const ch of r.text) push(out, ch, changed);
  });
  return out;
}

const unchangedShare = (runs: Run[], length: number) =>
  runs.filter((r) => !r.changed).reduce((n, r) => n + Array.from(r.text).length, 0) / Math.max(1, length);

/**
 * Runs of `a` and of `b`, each marked changed where it is not part of their longest common
 * subsequence; null when the texts are too long or too different for marks to help.
 */
export function diffRuns(a: string, b: string): { a: Run[]; b: Run[] } | null {
  const x = Array.from(a);
  const y = Array.from(b);
  if ((x.length + 1) * (y.length + 1) > MAX_CELLS) return null;
  const w = y.length + 1;
  const lcs = new Uint32Array((x.length + 1) * w);
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--)
      lcs[i * w + j] = x[i] === y[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
  const ra: Run[] = [];
  const rb: Run[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      push(ra, x[i++]!, false);
      push(rb, y[j++]!, false);
    } else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) push(ra, x[i++]!, true);
    else push(rb, y[j++]!, true);
  }
  while (i < x.length) push(ra, x[i++]!, true);
  while (j < y.length) push(rb, y[j++]!, true);
  const ta = tidy(ra);
  const tb = tidy(rb);
  if (unchangedShare(ta, x.length) < 0.3 && unchangedShare(tb, y.length) < 0.3) return null;
  return { a: ta, b: tb };
}
