/**
 * The composition root: one data directory, one connection, one write queue, one dispatcher. It
 * builds every service once and hands each handler group only what it uses; hosts (the Electron
 * utilityProcess, browser mode, the CLI, tests) say how at construction. Every transport
 * (utilityProcess port, HTTP, in-memory) wraps an instance of this. Plain Node — never imports electron.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { ApiError, EventName, EventPayload } from '../../../shared/api';
import { CommonErrors } from '../../../shared/api/result';
import { openConnection } from '../infra/db/connection';
import type { StartupProblem } from '../infra/db/database';
import type { ReadableDB } from '../infra/db/handles';
import { createWriteQueue, guardWrites, type WriteQueue } from '../infra/db/writeQueue';
import { createLogger, type Logger } from '../infra/log';
import { syncAdapters } from '../domains/sync/adapters';
import { SyncEngine, type SyncOptions } from '../domains/sync/engine';
import { readOperator } from '../domains/system/repository';
import type { ContextWithoutDatabase, ReadContext } from './context';
import { createDispatcher, type Dispatcher } from './dispatcher';
import { createEventBus } from './events';
import { createHandlers } from './handlers';
import { SYNC_ADAPTERS } from './syncAdapterList';
import type { HandlerTable } from './handlerTypes';

export const DATABASE_FILE = 'ecw.sqlite';

export interface BackendOptions {
  dataDir: string;
  /** Check every procedure's output against its schema: each host says (on in tests, off in the shipped app). */
  checkOutputs: boolean;
  now?: () => Date;
  newId?: () => string;
  logToStderr?: boolean;
  /** The sync engine's host options: the keychain vault (Electron), no timers (CLI), timings (tests). */
  sync?: SyncOptions;
  /** Make every write that does not hold the write queue fail, and collect it (tests). */
  guardWrites?: boolean;
}

export interface Backend {
  readonly dataDir: string;
  readonly databaseFile: string;
  readonly dispatcher: Dispatcher;
  /** The handler table the dispatcher runs (tests build dispatchers around it). */
  readonly handlers: HandlerTable;
  readonly log: Logger;
  /** The one write queue: tests and tools that write directly go through it too. */
  readonly writes: WriteQueue;
  /** Writes made outside the write queue (collected when `guardWrites` is on; always empty otherwise). */
  readonly writeViolations: readonly string[];
  /** The reason the database is unavailable, or null when it is open. */
  problem(): StartupProblem | null;
  database(): ReadableDB | null;
  /** The sync engine of the open database, made on first use. */
  syncEngine(): SyncEngine;
  /** Closes and opens the database again (after "start fresh"). */
  reopen(): void;
  closeDatabase(): void;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  onAny(listener: (event: EventName, payload: unknown) => void): () => void;
  close(): void;
}

const adapters = syncAdapters(SYNC_ADAPTERS);

export function startBackend(options: BackendOptions): Backend {
  const dataDir = path.resolve(options.dataDir);
  // Only this user may enter the data folder: the database, photos, signatures and tokens are in it.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  const log = createLogger(dataDir, options.logToStderr);
  const events = createEventBus();
  const writeViolations: string[] = [];
  // The queue asks for the connection at each turn, so it follows a reopen.
  const writes = createWriteQueue(() => open.require());
  const open = openConnection(path.join(dataDir, DATABASE_FILE), log, (db) => {
    if (options.guardWrites) guardWrites(db, writes, writeViolations);
  });

  const base: ContextWithoutDatabase = {
    dataDir,
    writes,
    now: options.now ?? (() => new Date()),
    newId: options.newId ?? (() => uuidv7()),
    emit: events.emit,
    actor: () => {
      const db = open.current();
      return (db ? readOperator(db)?.name : undefined) ?? '未登记操作员';
    },
  };

  let engine: SyncEngine | undefined;
  const syncEngine = () => {
    if (!engine) {
      const created = new SyncEngine(
        {
          dataDir,
          db: open.require,
          writes,
          adapters,
          now: base.now,
          newId: base.newId,
          emit: events.emit,
          onDataChanged: (listener) => events.on('data.changed', listener),
          log,
        },
        options.sync,
      );
      engine = created;
      const stop = open.onClose(() => {
        stop();
        created.close();
        if (engine === created) engine = undefined;
      });
    }
    return engine;
  };

  const unavailable = (): ApiError => ({
    code: open.problem()?.code ?? CommonErrors.databaseUnavailable,
    message: open.problem()?.message ?? 'The database is not open.',
  });
  const context = (): ReadContext | { unavailable: ApiError; partial: ContextWithoutDatabase } => {
    const db = open.current();
    return db ? { ...base, db } : { unavailable: unavailable(), partial: base };
  };
  const handlers = createHandlers({
    recovery: { dataDir, connection: open, log },
    sync: { engine: syncEngine, adapters },
    roster: { platform: () => syncEngine().platformClient() },
  });
  const dispatcher = createDispatcher({
    handlers,
    context,
    writes,
    checkOutputs: options.checkOutputs,
    log,
  });

  return {
    dataDir,
    databaseFile: open.file,
    dispatcher,
    handlers,
    log,
    writes,
    writeViolations,
    problem: open.problem,
    database: open.current,
    syncEngine,
    reopen: open.reopen,
    closeDatabase: open.close,
    on: events.on,
    onAny: events.onAny,
    close: () => {
      open.close();
      events.close();
    },
  };
}
