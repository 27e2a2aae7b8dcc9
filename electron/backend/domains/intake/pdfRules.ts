/**
 * The ruling lines a PDF page draws (a sheet printed from Excel or Calc with every cell bordered): stroked straight
 * lines and thin filled rectangles, vertical or horizontal, in page coordinates measured from the top. They tell a
 * table's cells apart where the text alone cannot (a centred spec, a number right-aligned against the next column).
 */

/** A vertical rule at `x` from `top` to `bottom`, or a horizontal one at `y` from `left` to `right` (points, from the top). */
export interface PageRules {
  vertical: { x: number; top: number; bottom: number }[];
  horizontal: { y: number; left: number; right: number }[];
}

/** pdf.js's path operators inside a constructPath (its `DrawOPS`). */
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUADRATIC_CURVE_TO = 3;
const CLOSE_PATH = 4;

/** Thinner than this a filled rectangle is a rule; shorter than this a line is a tick, an underline of a letter or a bullet. */
const THIN = 2;
const SHORT = 8;

type Matrix = number[];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0]! * x + m[2]! * y + m[4]!, m[1]! * x + m[3]! * y + m[5]!];
const multiply = (a: Matrix, m: Matrix): Matrix => [
  a[0]! * m[0]! + a[1]! * m[2]!,
  a[0]! * m[1]! + a[1]! * m[3]!,
  a[2]! * m[0]! + a[3]! * m[2]!,
  a[2]! * m[1]! + a[3]! * m[3]!,
  a[4]! * m[0]! + a[5]! * m[2]! + m[4]!,
  a[4]! * m[1]! + a[5]! * m[3]! + m[5]!,
];

/** The sub-paths of a constructPath's path data, each a list of points (curves kept only by their end points). */
export function subPaths(data: ArrayLike<number>): { points: [number, number][]; closed: boolean }[] {
  const paths: { points: [number, number][]; closed: boolean }[] = [];
  for (let i = 0; i < data.length;) {
    const op = data[i]!;
    if (op === MOVE_TO) {
      paths.push({ points: [[data[i + 1]!, data[i + 2]!]], closed: false });
      i += 3;
    } else if (op === LINE_TO) {
      paths.at(-1)?.points.push([data[i + 1]!, data[i + 2]!]);
      i += 3;
    } else if (op === CURVE_TO) {
      paths.at(-1)?.points.push([data[i + 5]!, data[i + 6]!]);
      i += 7;
    } else if (op === QUADRATIC_CURVE_TO) {
      paths.at(-1)?.points.push([data[i + 3]!, data[i + 4]!]);
      i += 5;
    } else if (op === CLOSE_PATH) {
      if (paths.at(-1)) paths.at(-1)!.closed = true;
      i += 1;
    } else break;
  }
  return paths;
}

/**
 * The page's rules from its operator list: the transform stack walked as pdf.js draws, each stroked segment that runs
 * straight down or across, and each filled rectangle thin enough to be a line.
 */
export function pageRules(list: { fnArray: number[]; argsArray: unknown[] }, OPS: Record<string, number>, pageHeight: number): PageRules {
  const rules: PageRules = { vertical: [], horizontal: [] };
  const stroking = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const filling = new Set([OPS.fill, OPS.eoFill]);
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const add = ([x1, y1]: [number, number], [x2, y2]: [number, number]) => {
    const [top1, top2] = [pageHeight - y1, pageHeight - y2];
    if (Math.abs(x1 - x2) < 0.5 && Math.abs(top1 - top2) >= SHORT)
      rules.vertical.push({ x: (x1 + x2) / 2, top: Math.min(top1, top2), bottom: Math.max(top1, top2) });
    else if (Math.abs(top1 - top2) < 0.5 && Math.abs(x1 - x2) >= SHORT)
      rules.horizontal.push({ y: (top1 + top2) / 2, left: Math.min(x1, x2), right: Math.max(x1, x2) });
  };
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === OPS.transform) ctm = multiply(args as number[], ctm);
    else if (fn === OPS.constructPath) {
      const paint = args[0] as number;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data || (!stroking.has(paint) && !filling.has(paint))) continue;
      for (const path of subPaths(data)) {
        const points = path.points.map(([x, y]) => apply(ctm, x, y));
        if (stroking.has(paint)) {
          for (let k = 1; k < points.length; k++) add(points[k - 1]!, points[k]!);
          if (path.closed && points.length > 2) add(points.at(-1)!, points[0]!);
        } else if (points.length >= 4) {
          const xs = points.map((p) => p[0]);
          const ys = points.map((p) => p[1]);
          const [left, right, low, high] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
          if (right - left < THIN) add([(left + right) / 2, low], [(left + right) / 2, high]);
          else if (high - low < THIN) add([left, (low + high) / 2], [right, (low + high) / 2]);
        }
      }
    }
  }
  return rules;
}

/** The x of each vertical rule crossing the height `top`, left to right, rules less than a point apart taken once. */
export function rulesAcross(rules: PageRules, top: number): number[] {
  const xs = rules.vertical
    .filter((r) => r.top <= top && r.bottom >= top)
    .map((r) => r.x)
    .sort((a, b) => a - b);
  return xs.filter((x, i) => i === 0 || x - xs[i - 1]! >= 1);
}

/** Whether a horizontal rule runs between the heights `above` and `below` across the stretch `left`…`right`. */
export const ruleBetween = (rules: PageRules, above: number, below: number, left: number, right: number) =>
  rules.horizontal.some((r) => r.y > above && r.y < below && r.left <= left + 1 && r.right >= right - 1);
