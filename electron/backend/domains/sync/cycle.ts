/**
 * The steps of one sync cycle (SYNC.md §3.6): push, pull, the catalog, then pictures — uploads and
 * the low-priority downloads, which never gate the data. Each step writes through the write queue
 * in short transactions; the network waits hold nothing.
 */
import type { SyncReport } from '../../../../shared/api/sync';
import { catalogResponseSchema } from '../../../../shared/platform-api';
import { heldCatalogVersion, saveCatalog } from '../catalog/repository';
import { pruneAcked } from './db/queue';
import { setState } from './db/state';
import { downloadImages } from './downloads';
import type { SyncStepEnv } from './env';
import { isTransient } from './errors';
import { pull, type PullEnv, type PullStats } from './pull';
import { push } from './push';
import { ensureClientId } from './registration';
import type { AssetUploader } from './uploads';

export interface CycleHooks {
  progress(phase: 'push' | 'pull' | 'upload', done: number, total?: number | null): void;
  /** Bytes of a picture sent so far (several times per chunk, as they leave). */
  uploadProgress(sha256: string, size: number, sentBytes: number): void;
}

/** Push, pull and the catalog, filling `report` as it goes; throws the failure that stopped it. */
export async function syncRecords(
  env: SyncStepEnv,
  pullOptions: Pick<PullEnv, 'limit' | 'onTransaction'>,
  report: SyncReport,
  hooks: CycleHooks,
): Promise<void> {
  const pushed = { pushed: 0, conflicts: 0, rejected: 0 };
  const pulled: PullStats = { pulled: 0, pages: 0, resynced: false };
  try {
    await push({ ...env, onProgress: (s) => hooks.progress('push', s.pushed + s.conflicts + s.rejected) }, pushed);
    hooks.progress('pull', 0, null);
    await pull({ ...env, ...pullOptions, onProgress: (s) => hooks.progress('pull', s.pulled, null) }, pulled);
  } finally {
    report.pushed = pushed.pushed;
    report.conflicts = pushed.conflicts + pushed.rejected;
    report.pulled = pulled.pulled;
  }
  if (pulled.catalogVersion !== undefined) await updateCatalog(env, pulled.catalogVersion);
  await env.writes.write((db) => {
    setState(db, 'last_sync_ok_at', env.now().toISOString());
    setState(db, 'blocked', null);
    pruneAcked(db, env.now());
  });
}

async function updateCatalog(env: SyncStepEnv, latest: number): Promise<void> {
  const held = heldCatalogVersion(env.db);
  if (latest <= held) return;
  const answer = await env.client.json(`/catalog/v1?since=${held}`, catalogResponseSchema);
  const catalog = answer.catalog;
  if (catalog) await env.writes.write((db) => saveCatalog(db, catalog, env.now()));
  env.touched?.add('catalog');
}

/**
 * Uploads what is due (everything when `everything`: a person asked), then downloads pictures other
 * devices uploaded. Returns the bytes uploaded; throws only when the network is gone (per-picture
 * failures stay on the picture).
 */
export async function syncFiles(env: SyncStepEnv, uploader: AssetUploader, everything: boolean, hooks: CycleHooks): Promise<number> {
  const clientId = await ensureClientId(env);
  hooks.progress('upload', 0, null);
  const uploads = await uploader.run(
    { ...env, clientId, onProgress: (asset, done) => hooks.uploadProgress(asset.sha256, asset.size, done) },
    everything,
  );
  if (await downloadImages(env)) env.touched?.add('asset');
  return uploads.uploadedBytes;
}

/** Whether pictures are worth trying after the data steps ended with `failure`. */
export const filesWorthTrying = (failure: unknown): boolean => !failure || (isTransient(failure) && failure.status !== undefined);
