/** Platform sign-in and sync handlers (issue 4). */
import type { SyncAccount } from '../../../../shared/api/sync';
import type { Account } from '../auth/session';
import type { Backend } from '../../app/backend';
import { defineHandlers } from '../../app/handlerTypes';
import { retryUpload, uploadQueue } from './assets';
import { listHistory } from './history';
import { listUnacked, countUnacked } from './queue';
import { resolveResyncGuard } from './pull';
import { syncEngineFor } from './registry';
import { exportConflict, labelOf, listConflicts, resolveConflict } from './resolve';
import { platformInfo } from './platformInfo';

const accountView = (a: Account): SyncAccount => ({ server: a.server, login: a.login, name: a.user.name, role: a.user.role, region: a.user.region });

export function createSyncHandlers(backend: Backend) {
  return defineHandlers({
    'sync.signIn': async (input, ctx) => {
      const engine = syncEngineFor(backend, ctx);
      const result = await engine.session.signIn(input);
      await engine.status(); // the indicator learns about the session at once
      if (result.mode === 'online') engine.nudge('online');
      return { mode: result.mode, account: accountView(result.account) };
    },
    'sync.signOut': async (_input, ctx) => {
      await syncEngineFor(backend, ctx).session.signOut();
      await syncEngineFor(backend, ctx).status();
      return { signedOut: true };
    },
    'sync.status': (_input, ctx) => syncEngineFor(backend, ctx).status(),
    'sync.now': (_input, ctx) => syncEngineFor(backend, ctx).syncNow('manual'),
    'sync.nudge': ({ reason }, ctx) => {
      syncEngineFor(backend, ctx).nudge(reason);
      return {};
    },
    'sync.queue': ({ limit }, ctx) => {
      const db = syncEngineFor(backend, ctx).db;
      const ops = listUnacked(db, limit).map((op) => {
        const patch = JSON.parse(op.patch_json) as Record<string, unknown>;
        return {
          opSeq: op.op_seq, tbl: op.tbl, rowId: op.row_id, kind: op.kind, name: op.name, label: labelOf(db, op.tbl, op.row_id, patch),
          fields: Object.keys(patch), status: op.status as 'pending' | 'sent', attempts: op.attempts, createdAt: op.created_at,
        };
      });
      return { total: countUnacked(db), ops };
    },
    'sync.uploads': (_input, ctx) =>
      uploadQueue(syncEngineFor(backend, ctx).db).map((a) => ({
        sha256: a.sha256, size: a.size, mime: a.mime, state: a.state, uploadedBytes: a.uploaded_bytes, attempts: a.attempts, lastError: a.last_error,
      })),
    'sync.retryUpload': ({ sha256 }, ctx) => {
      const engine = syncEngineFor(backend, ctx);
      const queued = retryUpload(engine.db, sha256);
      if (queued) engine.nudge('online');
      return { queued };
    },
    'sync.history': ({ limit }, ctx) => listHistory(syncEngineFor(backend, ctx).db, limit),
    'sync.conflicts': (filter, ctx) => listConflicts(syncEngineFor(backend, ctx).db, filter),
    'sync.resolveConflict': ({ id, resolution, values }, ctx) => {
      const engine = syncEngineFor(backend, ctx);
      const resolved = resolveConflict({ db: engine.db, now: ctx.now, newId: ctx.newId }, id, resolution, values);
      ctx.emit('data.changed', { entity: 'sync' });
      return { resolved };
    },
    'sync.exportConflict': ({ id }, ctx) => exportConflict(syncEngineFor(backend, ctx).db, id, ctx.now()),
    'sync.resolveResyncGuard': ({ action }, ctx) => {
      const removed = resolveResyncGuard(syncEngineFor(backend, ctx).db, action);
      ctx.emit('data.changed', { entity: 'enterprise' });
      return { removed };
    },
    'sync.platformInfo': ({ enterpriseId }, ctx) => platformInfo(ctx.db, enterpriseId),
  });
}
