/**
 * .7z and .rar archives through 7z-wasm (7-Zip 24.09 as WebAssembly, its files in an in-memory file
 * system). The module is loaded the first time an archive is met, and a fresh instance serves each
 * archive: WebAssembly memory never shrinks, so an instance that unpacked a large archive is dropped
 * with it. The archive is listed first (names, sizes, which entries are encrypted) and checked
 * before anything is unpacked; entries encrypted one by one are left out and named, the rest is read.
 */
import type { SevenZipModule } from '7z-wasm';

export interface SevenZipEntry {
  path: string;
  size: number;
  folder: boolean;
  encrypted: boolean;
}

export class SevenZipError extends Error {
  constructor(
    readonly reason: 'encrypted' | 'damaged',
    message: string,
  ) {
    super(message);
  }
}

interface Session {
  module: SevenZipModule;
  output: string[];
}

const ARCHIVE = '/archive';
const OUT = '/out';

async function open(bytes: Uint8Array): Promise<Session> {
  const { default: SevenZip } = await import('7z-wasm');
  const output: string[] = [];
  const module = await SevenZip({ print: (line) => output.push(line), printErr: (line) => output.push(line) });
  module.FS.writeFile(ARCHIVE, bytes);
  return { module, output };
}

/** Runs 7-Zip with `-p` (an empty password: it never waits for one to be typed) and answers what it printed. */
function run(session: Session, args: string[]): string[] {
  session.output.length = 0;
  session.module.callMain([...args, '-p', ARCHIVE]);
  return [...session.output];
}

/** `7z l -slt`: one "Key = value" block per entry after the line of dashes. */
function parseListing(lines: string[]): SevenZipEntry[] {
  const start = lines.indexOf('----------');
  if (start < 0) return [];
  const entries: SevenZipEntry[] = [];
  let fields = new Map<string, string>();
  const flush = () => {
    if (fields.has('Path'))
      entries.push({
        path: fields.get('Path')!,
        size: Number(fields.get('Size') || 0),
        folder: fields.get('Folder') === '+' || (fields.get('Attributes') ?? '').startsWith('D'),
        encrypted: fields.get('Encrypted') === '+',
      });
    fields = new Map();
  };
  for (const line of lines.slice(start + 1)) {
    const match = /^([\w ]+?) = (.*)$/.exec(line);
    if (match) fields.set(match[1]!, match[2]!);
    else if (line.trim() === '') flush();
  }
  flush();
  return entries;
}

/** What 7-Zip said went wrong: "ERROR: … : name" lines, and the lines under "ERRORS:" in a listing. */
function errorsIn(lines: string[]): string[] {
  return lines.flatMap((line, i) =>
    line.startsWith('ERROR: ') ? [line.slice(7)] : line === 'ERRORS:' && lines[i + 1] ? [lines[i + 1]!] : [],
  );
}

function listEntries(session: Session): SevenZipEntry[] {
  const lines = run(session, ['l', '-slt']);
  const errors = errorsIn(lines).join('; ');
  if (/encrypted archive|wrong password/i.test(errors))
    throw new SevenZipError('encrypted', 'The archive is protected with a password (even its file names are encrypted).');
  if (errors || !lines.includes('----------'))
    throw new SevenZipError('damaged', `The archive is damaged or not an archive (${errors || 'no listing'}).`);
  return parseListing(lines);
}

/** Every regular file under a folder of the in-memory file system, with its path below it. */
function filesUnder(module: SevenZipModule, dir: string, prefix = ''): { name: string; bytes: Uint8Array }[] {
  return module.FS.readdir(dir)
    .filter((name) => name !== '.' && name !== '..')
    .flatMap((name) => {
      const full = `${dir}/${name}`;
      const mode = module.FS.lstat(full).mode;
      if (module.FS.isDir(mode)) return filesUnder(module, full, `${prefix}${name}/`);
      return module.FS.isFile(mode) ? [{ name: `${prefix}${name}`, bytes: module.FS.readFile(full) }] : [];
    });
}

/**
 * Opens a .7z or .rar: `check` sees the listing before anything is unpacked (and throws to refuse
 * it); then the archive's files are unpacked and returned, the encrypted ones left out.
 */
export async function unpackSevenZip(
  bytes: Uint8Array,
  check: (entries: SevenZipEntry[]) => void,
): Promise<{ files: { name: string; bytes: Uint8Array }[]; encrypted: string[]; damaged: string[] }> {
  const session = await open(bytes);
  const entries = listEntries(session);
  check(entries);
  const encrypted = new Set(entries.filter((e) => e.encrypted && !e.folder).map((e) => e.path));
  session.module.FS.mkdir(OUT);
  // Entries with a wrong (empty) password fail one by one, and so do damaged ones ("CRC Failed : name"); the others are written.
  const failed = errorsIn(run(session, ['x', '-y', `-o${OUT}`])).map((error) => error.split(' : ').at(-1)!.trim());
  const damaged = failed.filter((name) => !encrypted.has(name));
  const files = filesUnder(session.module, OUT).filter((file) => !encrypted.has(file.name) && !damaged.includes(file.name));
  return { files, encrypted: [...encrypted], damaged };
}
