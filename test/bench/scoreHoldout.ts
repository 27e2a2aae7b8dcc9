/**
 * Scores chosen held-out (or corpus) folders and prints the totals and what went wrong, without the
 * whole measurement test: `npx tsx test/bench/scoreHoldout.ts [--corpus] [folder …]` (no folder: all).
 * Used to record a new round's first, unseen score before any rule is changed for it.
 */
import { stopReadWorker } from '../../electron/backend/domains/intake/readClient';
import { stopOcrWorker } from '../../electron/backend/infra/ocr/ocrClient';
import { createTestBackend } from '../helpers/backend';
import {
  CORPUS_DIR,
  corpusFolders,
  formatTotals,
  HOLDOUT_DIR,
  importFolder,
  readExpected,
  scoreFolder,
  totals,
  type FolderScore,
} from '../helpers/corpus';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dir = args.includes('--corpus') ? CORPUS_DIR : HOLDOUT_DIR;
  const named = args.filter((a) => !a.startsWith('--'));
  const folders = named.length > 0 ? named : corpusFolders(dir);
  const scores: FolderScore[] = [];
  for (const folder of folders) {
    const backend = createTestBackend();
    try {
      const { site } = await importFolder(backend, dir, folder);
      const score = scoreFolder(folder, readExpected(dir, folder), site);
      scores.push(score);
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
      console.log(`${folder}\n${problems.map((p) => `  ${p}`).join('\n')}`);
    } finally {
      backend.cleanup();
    }
  }
  console.log(formatTotals(`${scores.length} folders`, totals(scores)));
  await stopReadWorker();
  await stopOcrWorker();
}

await main();
