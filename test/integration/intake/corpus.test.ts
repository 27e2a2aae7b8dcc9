/**
 * Issue 9 "Measured": every folder of the intake corpus imported into a real backend and scored
 * against its hand-written expectation — per item type precision and recall (type and title), field
 * accuracy (price, model, headcount, pay, date and its year note, post kind), where the photos went.
 * The corpus must reach the targets. The held-out folders are scored apart, by `npm run score:holdout`: their totals
 * gate nothing, and scoring all of them took 43 s of every `npm test`.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { stopReadWorker } from '../../../electron/backend/domains/intake/readClient';
import { stopOcrWorker } from '../../../electron/backend/infra/ocr/ocrClient';
import { CORPUS_DIR, formatTotals, scoreAll, totals, type FolderScore } from '../../helpers/corpus';

const TARGET = 0.9;
afterAll(async () => {
  await stopReadWorker();
  await stopOcrWorker();
});

/** What went wrong, folder by folder, so a failing number says where to look. */
const details = (scores: FolderScore[]) =>
  scores
    .flatMap((s) => [
      ...s.missing.map((m) => `${s.folder}: missing ${m}`),
      ...s.extra.map((m) => `${s.folder}: extra ${m}`),
      ...s.fields.wrong.map((m) => `${s.folder}: field ${m}`),
      ...s.photos.wrong.map((m) => `${s.folder}: photo ${m}`),
    ])
    .join('\n');

describe('structuring the intake corpus', () => {
  it('reaches the targets on every item type: items ≥ 0.9 precision and recall, fields ≥ 0.9, photo matches ≥ 0.9 precision', async () => {
    const scores = await scoreAll(CORPUS_DIR);
    expect(scores.length).toBeGreaterThanOrEqual(12);
    const t = totals(scores);
    console.log(`${formatTotals(`Intake corpus: ${scores.length} folders`, t)}\n${details(scores)}`);
    for (const [type, tally] of Object.entries(t.byType)) {
      expect(tally.precision, `${type} precision`).toBeGreaterThanOrEqual(TARGET);
      expect(tally.recall, `${type} recall`).toBeGreaterThanOrEqual(TARGET);
    }
    expect(t.fields, 'field accuracy').toBeGreaterThanOrEqual(TARGET);
    expect(t.photoPrecision, 'photo-match precision').toBeGreaterThanOrEqual(TARGET);
    expect(t.ocrMarked, 'items read by OCR say so').toBe(1);
  }, 900_000);
});
