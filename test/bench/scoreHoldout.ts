/**
 * Scores chosen held-out (or corpus) folders and prints the totals and what went wrong, without the
 * whole measurement test: `npx tsx test/bench/scoreHoldout.ts [--corpus] [folder …]` (no folder: all).
 * Used to record a new round's first, unseen score before any rule is changed for it.
 */
import { stopReadWorker } from '../../electron/backend/domains/intake/readClient';
import { stopOcrWorker } from '../../electron/backend/infra/ocr/ocrClient';
import { CORPUS_DIR, corpusFolders, formatTotals, HOLDOUT_DIR, scoreAll, totals } from '../helpers/corpus';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dir = args.includes('--corpus') ? CORPUS_DIR : HOLDOUT_DIR;
  const named = args.filter((a) => !a.startsWith('--'));
  const scores = await scoreAll(dir, named.length > 0 ? named : corpusFolders(dir), (score, site) => {
    const problems = [
      ...score.missing.map((m) => `missing ${m}`),
      ...score.extra.map((m) => `extra ${m}`),
      ...score.fields.wrong.map((m) => `field ${m}`),
      ...score.photos.wrong.map((m) => `photo ${m}`),
      ...score.contact.wrong.map((m) => `contact ${m}`),
      ...(score.shortName.actual === score.shortName.expected
        ? []
        : [`short name ${score.shortName.actual}, expected ${score.shortName.expected}`]),
      ...site.intake.problems.map((p) => `problem ${JSON.stringify(p)}`),
    ];
    console.log(`${score.folder}\n${problems.map((p) => `  ${p}`).join('\n')}`);
  });
  console.log(formatTotals(`${scores.length} folders`, totals(scores)));
  await stopReadWorker();
  await stopOcrWorker();
}

await main();
