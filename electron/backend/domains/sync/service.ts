/** What the sync procedures do beyond one call: signing in and out, and the sync centre's views and actions. */
import type { Output, ParsedInput } from '../../../../shared/api';
import type { SyncAccount } from '../../../../shared/api/sync';
import type { WriteContext } from '../../app/context';
import type { ReadableDB } from '../../infra/db/handles';
import { retryFailedUpload, uploadList } from '../assets/repository';
import type { Account } from '../auth/session';
import { storedFields, type SyncAdapters } from './adapters';
import { listHistory } from './db/history';
import { countUnacked, listUnacked } from './db/queue';
import { refusedRows } from './db/refusedRows';
import type { SyncEngine } from './engine';
import { resolveResyncGuard } from './pull';
import { labelOf } from './resolve';

const accountView = (a: Account): SyncAccount => ({
  server: a.server,
  login: a.login,
  name: a.user.name,
  role: a.user.role,
  region: a.user.region,
});

export async function signIn(engine: SyncEngine, input: ParsedInput<'sync.signIn'>): Promise<Output<'sync.signIn'>> {
  const result = await engine.session.signIn(input);
  await engine.status(); // the indicator learns about the session at once
  if (result.mode === 'online') engine.nudge('online');
  return { mode: result.mode, account: accountView(result.account) };
}

export async function signOut(engine: SyncEngine): Promise<Output<'sync.signOut'>> {
  await engine.session.signOut();
  await engine.status();
  return { signedOut: true };
}

/** A hint about the network or the machine (online, offline, resume, focus): the engine decides what to do. */
export function nudge(engine: SyncEngine, reason: ParsedInput<'sync.nudge'>['reason']): Output<'sync.nudge'> {
  engine.nudge(reason);
  return {};
}

export const historyView = (db: ReadableDB, limit: number): Output<'sync.history'> => listHistory(db, limit);
export const refusedRowsView = (db: ReadableDB, limit: number): Output<'sync.refusedRows'> => refusedRows(db, limit);

export function queueView(db: ReadableDB, adapters: SyncAdapters, limit: number): Output<'sync.queue'> {
  const ops = listUnacked(db, limit).map((op) => {
    const patch = storedFields(op.patch_json);
    return {
      opSeq: op.op_seq,
      tbl: op.tbl,
      rowId: op.row_id,
      kind: op.kind,
      name: op.name,
      label: labelOf(db, adapters, op.tbl, op.row_id, patch),
      fields: Object.keys(patch),
      status: op.status,
      attempts: op.attempts,
      createdAt: op.created_at,
    };
  });
  return { total: countUnacked(db), ops };
}

export function uploadsView(db: ReadableDB): Output<'sync.uploads'> {
  return uploadList(db).map((a) => ({
    sha256: a.sha256,
    size: a.size,
    mime: a.mime,
    state: a.state,
    uploadedBytes: a.uploaded_bytes,
    attempts: a.attempts,
    lastError: a.last_error,
  }));
}

/** A failed upload back in the queue, tried soon. */
export function retryUpload(ctx: WriteContext, engine: SyncEngine, sha256: string): Output<'sync.retryUpload'> {
  const queued = retryFailedUpload(ctx.db, sha256);
  if (queued) engine.nudge('online');
  return { queued };
}

/** The person's answer to the resync guard. */
export function answerResyncGuard(ctx: WriteContext, adapters: SyncAdapters, action: 'delete' | 'keep'): Output<'sync.resolveResyncGuard'> {
  const removed = ctx.db.transaction(() => resolveResyncGuard(ctx.db, adapters, action))();
  ctx.emit('data.changed', { entity: 'enterprise' });
  return { removed };
}
