/**
 * The region of a mobile from its prefix (issue 13 item 4, platform/src/portal/mobileRegion.ts):
 * - the data's load, on the first lookup of a process (nothing is read when the platform starts, not
 *   even bson): cold (this process's first: bson's load and the file read included), then warm
 *   reloads; the heap it keeps after a GC and the RSS it adds;
 * - a lookup, over 1,000,000 random numbers of the 13x–19x ranges (time per lookup).
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { loadMobileRegions, regionOfMobile } from '../../platform/src/portal/mobileRegion';
import { emitSummary, ms, printTable, stats } from './benchUtil';

const WARM_LOADS = 5;
const LOOKUPS = 1_000_000;
const MB = 1024 * 1024;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function memory() {
  gc();
  const { heapUsed, rss, arrayBuffers } = process.memoryUsage();
  return { heapUsed, rss, arrayBuffers };
}

const before = memory();
const cold = loadMobileRegions();
const after = memory();
const warm = Array.from({ length: WARM_LOADS }, () => loadMobileRegions().ms);

let seed = 12345;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const numbers = Array.from({ length: LOOKUPS }, () => String(13_000_000_000 + Math.floor(random() * 7_000_000_000)));
regionOfMobile(numbers[0]!);
let known = 0;
const started = performance.now();
for (const number of numbers) if (regionOfMobile(number)) known++;
const lookupMs = performance.now() - started;

const warmStats = stats(warm);
printTable('Mobile prefix → region', [
  { metric: 'prefixes read (mobile ranges)', value: String(cold.prefixes) },
  { metric: 'places named / not in our list', value: `${cold.places} / ${cold.unmapped.length}` },
  { metric: 'load, cold (first in process)', value: `${ms(cold.ms)} ms` },
  { metric: `load, warm (p50 of ${WARM_LOADS})`, value: `${ms(warmStats.p50)} ms` },
  { metric: 'heap kept after the load (after GC)', value: `${((after.heapUsed - before.heapUsed) / MB).toFixed(2)} MB` },
  { metric: 'array buffers kept (the prefix table)', value: `${((after.arrayBuffers - before.arrayBuffers) / MB).toFixed(2)} MB` },
  { metric: 'RSS added by the load', value: `${((after.rss - before.rss) / MB).toFixed(1)} MB` },
  {
    metric: `lookup (${LOOKUPS.toLocaleString('en')} random 13x–19x numbers)`,
    value: `${((lookupMs * 1e6) / LOOKUPS).toFixed(0)} ns each`,
  },
  { metric: 'numbers placed', value: `${((known / LOOKUPS) * 100).toFixed(1)} %` },
]);
emitSummary('mobileRegion', [
  { metric: 'data load, cold', value: cold.ms },
  { metric: 'data load, warm p50', value: warmStats.p50 },
  { metric: `${LOOKUPS} lookups`, value: lookupMs },
]);
