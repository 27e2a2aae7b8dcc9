/** The sync history the sync centre lists: one row per cycle that did something or failed. */
import type { SyncReport } from '../../../../../shared/api/sync';
import type { ReadableDB, WritableDB } from '../../../infra/db/handles';
import { perDatabase } from '../../../infra/db/perDatabase';

const KEEP = 500;

interface HistoryRecord {
  id: string;
  started_at: string;
  finished_at: string;
  trigger: string;
  outcome: string;
  pushed: number;
  pulled: number;
  conflicts: number;
  uploaded_bytes: number;
  error_code: string | null;
  error_message: string | null;
}

const reads = perDatabase((db: ReadableDB) => ({
  list: db.prepare<[number], HistoryRecord>('SELECT * FROM sync_history ORDER BY started_at DESC, id DESC LIMIT ?'),
}));

const writes = perDatabase((db: WritableDB) => ({
  insert: db.prepare(
    `INSERT INTO sync_history (id, started_at, finished_at, trigger, outcome, pushed, pulled, conflicts, uploaded_bytes, error_code, error_message)
     VALUES (@id, @startedAt, @finishedAt, @trigger, @outcome, @pushed, @pulled, @conflicts, @uploadedBytes, @errorCode, @errorMessage)`,
  ),
  trim: db.prepare(
    `DELETE FROM sync_history WHERE id NOT IN (SELECT id FROM sync_history ORDER BY started_at DESC, id DESC LIMIT ${KEEP})`,
  ),
}));

export function recordHistory(
  db: WritableDB,
  entry: { id: string; startedAt: string; finishedAt: string; trigger: string; report: SyncReport },
): void {
  const { report } = entry;
  const s = writes(db);
  s.insert.run({
    id: entry.id,
    startedAt: entry.startedAt,
    finishedAt: entry.finishedAt,
    trigger: entry.trigger,
    outcome: report.outcome,
    pushed: report.pushed,
    pulled: report.pulled,
    conflicts: report.conflicts,
    uploadedBytes: report.uploadedBytes,
    errorCode: report.error?.code ?? null,
    errorMessage: report.error?.message ?? null,
  });
  s.trim.run();
}

export function listHistory(db: ReadableDB, limit: number) {
  return reads(db)
    .list.all(limit)
    .map((r) => ({
      id: r.id,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      trigger: r.trigger,
      outcome: r.outcome,
      pushed: r.pushed,
      pulled: r.pulled,
      conflicts: r.conflicts,
      uploadedBytes: r.uploaded_bytes,
      error: r.error_code ? { code: r.error_code, message: r.error_message ?? '' } : null,
    }));
}
