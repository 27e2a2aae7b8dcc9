/** Platform sign-in and sync handlers (issue 4). */
import { defineHandlers } from '../../app/handlerTypes';
import type { SyncAdapters } from './adapters';
import type { SyncEngine } from './engine';
import { platformInfo } from './platformInfo';
import { exportConflict, exportConflicts, listConflicts, resolveConflict, resolveConflicts } from './resolve';
import { answerResyncGuard, historyView, nudge, queueView, refusedRowsView, retryUpload, signIn, signOut, uploadsView } from './service';

export interface SyncHandlerDeps {
  /** The backend's engine (made on first use, for the open database). */
  engine(): SyncEngine;
  adapters: SyncAdapters;
}

export function createSyncHandlers({ engine, adapters }: SyncHandlerDeps) {
  return defineHandlers({
    'sync.signIn': (input) => signIn(engine(), input),
    'sync.signOut': () => signOut(engine()),
    'sync.status': () => engine().status(),
    'sync.now': () => engine().syncNow(),
    'sync.nudge': ({ reason }) => nudge(engine(), reason),
    'sync.queue': ({ limit }, ctx) => queueView(ctx.db, adapters, limit),
    'sync.uploads': (_input, ctx) => uploadsView(ctx.db),
    'sync.retryUpload': ({ sha256 }, ctx) => retryUpload(ctx, engine(), sha256),
    'sync.history': ({ limit }, ctx) => historyView(ctx.db, limit),
    'sync.conflicts': (filter, ctx) => listConflicts(ctx, adapters, filter),
    'sync.resolveConflict': ({ id, resolution, values }, ctx) => ({ resolved: resolveConflict(ctx, adapters, id, resolution, values) }),
    'sync.exportConflict': ({ id }, ctx) => exportConflict(ctx, adapters, id),
    'sync.resolveConflicts': ({ ids, resolution }, ctx) => ({ resolved: resolveConflicts(ctx, adapters, ids, resolution) }),
    'sync.exportConflicts': ({ ids }, ctx) => exportConflicts(ctx, adapters, ids),
    'sync.resolveResyncGuard': ({ action }, ctx) => answerResyncGuard(ctx, adapters, action),
    'sync.refusedRows': ({ limit }, ctx) => refusedRowsView(ctx.db, limit),
    'sync.platformInfo': ({ enterpriseId }, ctx) => platformInfo(ctx.db, enterpriseId),
  });
}
