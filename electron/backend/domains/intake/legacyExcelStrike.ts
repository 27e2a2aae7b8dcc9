/**
 * Struck-through text in an old Excel workbook (.xls/.et, BIFF8 and BIFF5): text the writer deleted (an old price,
 * a withdrawn product), which the .xlsx path leaves out too. SheetJS reads fonts and cell formats but keeps neither on
 * its cells, so the Workbook stream's records are walked here once, in order ([MS-XLS] 2.4): FONT (fStrikeOut), XF
 * (its font), BOUNDSHEET and BOF/EOF (which sheet), the cell records (row, column, XF) and, in BIFF8, the shared
 * strings' formatting runs (a price whose old part alone is struck: `198 168`).
 */
import CFB from 'cfb';

/** Per sheet (in SheetJS's order), the cells with struck text: `row:column` (0-based) → the text left ('' when all). */
export type StruckCells = Map<string, string>[];

const RT = {
  BOF: 0x0809,
  EOF: 0x000a,
  FILEPASS: 0x002f,
  FONT: 0x0031,
  XF: 0x00e0,
  BOUNDSHEET: 0x0085,
  SST: 0x00fc,
  CONTINUE: 0x003c,
  LABELSST: 0x00fd,
  MULRK: 0x00bd,
} as const;
/** LABEL, NUMBER, RK, FORMULA, BOOLERR, RSTRING (BIFF5 rich text): each begins row, column, XF index. */
const ONE_CELL = new Set([0x0204, 0x0203, 0x027e, 0x0006, 0x0205, 0x00d6]);
const F_STRIKE_OUT = 0x0008;
const WORKSHEET = 0x0010;

/** A shared string with formatting runs: from character `at` on, font `font`. */
interface RichString {
  text: string;
  runs: { at: number; font: number }[];
}

/** The struck cells of an .xls/.et workbook; none when the workbook cannot be walked (SheetJS names the damage). */
export function struckCells(bytes: Uint8Array): StruckCells {
  try {
    const container = CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: 'buffer' });
    const stream = CFB.find(container, 'Workbook') ?? CFB.find(container, 'Book');
    return stream?.content ? walk(Buffer.from(stream.content as Uint8Array)) : [];
  } catch {
    return [];
  }
}

interface Walk {
  /** Whether each font strikes out, by font index (BIFF has no font 4). */
  fonts: boolean[];
  /** Each XF's font index. */
  xfFonts: number[];
  /** Rich shared strings by index (plain ones are not kept). */
  rich: Map<number, RichString>;
  /** The stream position of each sheet's BOF, in BOUNDSHEET order. */
  sheetStarts: number[];
}

/** One pass over the records: linear in the stream's length, every read bounded by its record. */
function walk(data: Buffer): StruckCells {
  const state: Walk = { fonts: [], xfFonts: [], rich: new Map(), sheetStarts: [] };
  const sheets: StruckCells = [];
  let sheet: Map<string, string> | undefined;
  let depth = 0;
  for (let at = 0; at + 4 <= data.length;) {
    const type = data.readUInt16LE(at);
    const size = data.readUInt16LE(at + 2);
    const body = data.subarray(at + 4, Math.min(at + 4 + size, data.length));
    if (type === RT.FILEPASS) return [];
    if (type === RT.BOF) {
      if (depth++ === 0 && body.length >= 4 && body.readUInt16LE(2) === WORKSHEET) sheet = sheetAt(at, state, sheets);
    } else if (type === RT.EOF) {
      if (--depth <= 0) [depth, sheet] = [0, undefined];
    } else if (sheet && depth === 1) {
      readCell(type, body, state, sheet);
    } else if (!sheet) {
      const next = readGlobal(type, body, data, at + 4 + size, state);
      if (next !== undefined) {
        at = next;
        continue;
      }
    }
    at += 4 + size;
  }
  return sheets;
}

/** The struck cells of the sheet whose BOF is at `at`: SheetJS orders sheets by their BOUNDSHEET position. */
function sheetAt(at: number, state: Walk, sheets: StruckCells): Map<string, string> {
  const order = [...state.sheetStarts].sort((a, b) => a - b);
  const index = order.indexOf(at);
  const cells = new Map<string, string>();
  sheets[index >= 0 ? index : sheets.length] = cells;
  return cells;
}

/** A workbook-globals record; for SST the position after its CONTINUE records (read with it). */
function readGlobal(type: number, body: Buffer, data: Buffer, next: number, state: Walk): number | undefined {
  if (type === RT.FONT && body.length >= 4) {
    if (state.fonts.length === 4) state.fonts.push(false);
    state.fonts.push((body.readUInt16LE(2) & F_STRIKE_OUT) !== 0);
  } else if (type === RT.XF && body.length >= 2) state.xfFonts.push(body.readUInt16LE(0));
  else if (type === RT.BOUNDSHEET && body.length >= 4) state.sheetStarts.push(body.readUInt32LE(0));
  else if (type === RT.SST) {
    const parts = [body];
    let at = next;
    while (at + 4 <= data.length && data.readUInt16LE(at) === RT.CONTINUE) {
      const size = data.readUInt16LE(at + 2);
      parts.push(data.subarray(at + 4, Math.min(at + 4 + size, data.length)));
      at += 4 + size;
    }
    state.rich = richStrings(parts);
    return at;
  }
  return undefined;
}

const struckXf = (xf: number, state: Walk) => state.fonts[state.xfFonts[xf] ?? -1] === true;

function readCell(type: number, body: Buffer, state: Walk, sheet: Map<string, string>): void {
  if (body.length < 6) return;
  const row = body.readUInt16LE(0);
  const column = body.readUInt16LE(2);
  const xf = body.readUInt16LE(4);
  if (type === RT.LABELSST && body.length >= 10) {
    const text = sharedStringLeft(state.rich.get(body.readUInt32LE(6)), xf, state);
    if (text !== undefined) sheet.set(`${row}:${column}`, text);
  } else if (ONE_CELL.has(type)) {
    if (struckXf(xf, state)) sheet.set(`${row}:${column}`, '');
  } else if (type === RT.MULRK) {
    // row, first column, then (XF, RK value) per cell, then the last column.
    for (let i = 0; 4 + i * 6 + 6 <= body.length - 2; i++)
      if (struckXf(body.readUInt16LE(4 + i * 6), state)) sheet.set(`${row}:${column + i}`, '');
  }
}

/**
 * A shared-string cell's text without its struck parts, or undefined when nothing in it is struck. The characters
 * before the first formatting run are in the cell's own font.
 */
function sharedStringLeft(rich: RichString | undefined, xf: number, state: Walk): string | undefined {
  const cellStruck = struckXf(xf, state);
  if (!rich) return cellStruck ? '' : undefined;
  const pieces: { text: string; struck: boolean }[] = [];
  const starts = [{ at: 0, struck: cellStruck }, ...rich.runs.map((r) => ({ at: r.at, struck: state.fonts[r.font] === true }))];
  starts.forEach((start, i) =>
    pieces.push({ text: rich.text.slice(start.at, starts[i + 1]?.at ?? rich.text.length), struck: start.struck }),
  );
  if (!pieces.some((p) => p.struck && p.text)) return undefined;
  return pieces
    .filter((p) => !p.struck)
    .map((p) => p.text)
    .join('')
    .trim();
}

/**
 * The SST's strings that carry formatting runs ([MS-XLS] 2.5.293 XLUnicodeRichExtendedString). A string may go on in
 * the next CONTINUE record; where its characters do, that record begins with a byte saying their width.
 */
function richStrings(parts: Buffer[]): Map<number, RichString> {
  const rich = new Map<number, RichString>();
  const reader = new PartsReader(parts);
  reader.skip(4); // total count
  const unique = reader.u32();
  for (let i = 0; i < unique && !reader.done(); i++) {
    const length = reader.u16();
    const flags = reader.u8();
    const runCount = flags & 0x08 ? reader.u16() : 0;
    const extSize = flags & 0x04 ? reader.u32() : 0;
    const text = reader.chars(length, (flags & 0x01) !== 0);
    const runs = Array.from({ length: runCount }, () => ({ at: reader.u16(), font: reader.u16() }));
    reader.skip(extSize);
    if (runs.length) rich.set(i, { text, runs });
  }
  return rich;
}

/** Reads across the SST record and its CONTINUE records as one, but characters by the width each part gives. */
class PartsReader {
  private part = 0;
  private at = 0;
  constructor(private readonly parts: Buffer[]) {}

  done(): boolean {
    this.nextPartIfEnded();
    return this.part >= this.parts.length;
  }

  u8(): number {
    if (this.done()) throw new RangeError('SST ended');
    return this.parts[this.part]![this.at++]!;
  }

  u16(): number {
    return this.u8() | (this.u8() << 8);
  }

  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }

  skip(count: number): void {
    for (let left = count; left > 0;) {
      if (this.done()) return;
      const step = Math.min(left, this.parts[this.part]!.length - this.at);
      this.at += step;
      left -= step;
    }
  }

  chars(count: number, wide: boolean): string {
    let text = '';
    let width = wide ? 2 : 1;
    for (let left = count; left > 0;) {
      if (this.at >= this.parts[this.part]!.length) {
        this.part++;
        this.at = 0;
        if (this.done()) break;
        width = this.u8() & 0x01 ? 2 : 1;
      }
      const part = this.parts[this.part]!;
      const take = Math.min(left, Math.floor((part.length - this.at) / width));
      if (take === 0) break;
      const bytes = part.subarray(this.at, this.at + take * width);
      text += bytes.toString(width === 2 ? 'utf16le' : 'latin1');
      this.at += take * width;
      left -= take;
    }
    return text;
  }

  private nextPartIfEnded(): void {
    while (this.part < this.parts.length && this.at >= this.parts[this.part]!.length) {
      this.part++;
      this.at = 0;
    }
  }
}
