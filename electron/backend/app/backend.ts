/**
 * The backend: one data directory, one database, one dispatcher. Every transport (utilityProcess
 * port, HTTP, in-memory) wraps an instance of this. Plain Node — never imports electron.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { ApiError, EventName, EventPayload } from '../../../shared/api';
import { CommonErrors } from '../../../shared/api/result';
import type { BackendContext } from './context';
import { closeDatabase, openDatabase, StartupProblem } from '../infra/db/database';
import { createDispatcher, type Dispatcher } from './dispatcher';
import { createHandlers } from './handlers';
import { createLogger, type Logger } from '../infra/log';
import { readOperator } from '../domains/system/settings';

export const DATABASE_FILE = 'ecw.sqlite';

export interface BackendOptions {
  dataDir: string;
  now?: () => Date;
  newId?: () => string;
  checkOutputs?: boolean;
  logToStderr?: boolean;
}

export interface Backend {
  readonly dataDir: string;
  readonly databaseFile: string;
  readonly dispatcher: Dispatcher;
  readonly log: Logger;
  /** The reason the database is unavailable, or null when it is open. */
  problem(): StartupProblem | null;
  database(): Database.Database | null;
  /** Closes and opens the database again (after "start fresh"). */
  reopen(): void;
  closeDatabase(): void;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  onAny(listener: (event: EventName, payload: unknown) => void): () => void;
  /** Called before the database closes (close, reopen, start fresh): modules with their own connection or timers stop here. */
  onDatabaseClose(listener: () => void): () => void;
  close(): void;
}

export function startBackend(options: BackendOptions): Backend {
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const databaseFile = path.join(dataDir, DATABASE_FILE);
  const log = createLogger(dataDir, options.logToStderr);
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);

  let db: Database.Database | null = null;
  let problem: StartupProblem | null = null;
  const closeListeners = new Set<() => void>();
  const beforeClose = () => [...closeListeners].forEach((listener) => listener());
  const open = () => {
    try {
      db = openDatabase(databaseFile);
      problem = null;
    } catch (error) {
      db = null;
      problem = error instanceof StartupProblem ? error : new StartupProblem('db_open_failed', (error as Error).message);
      log(`database unavailable: ${problem.code}`, problem);
    }
  };
  open();

  const base: Omit<BackendContext, 'db'> = {
    dataDir,
    now: options.now ?? (() => new Date()),
    newId: options.newId ?? (() => uuidv7()),
    emit: (event, payload) => emitter.emit('event', event, payload),
    actor: () => (db ? readOperator(db)?.name : undefined) ?? '未登记操作员',
  };
  const context: BackendContext = Object.defineProperty({ ...base } as BackendContext, 'db', {
    get: () => {
      if (!db) throw new Error('database is not open');
      return db;
    },
  });

  const backend: Backend = {
    dataDir,
    databaseFile,
    log,
    dispatcher: undefined as unknown as Dispatcher,
    problem: () => problem,
    database: () => db,
    reopen: () => {
      beforeClose();
      if (db) closeDatabase(db);
      open();
    },
    closeDatabase: () => {
      beforeClose();
      if (db) closeDatabase(db);
      db = null;
    },
    on: (event, listener) => {
      const wrapped = (name: EventName, payload: unknown) => name === event && listener(payload as never);
      emitter.on('event', wrapped);
      return () => emitter.off('event', wrapped);
    },
    onAny: (listener) => {
      emitter.on('event', listener);
      return () => emitter.off('event', listener);
    },
    onDatabaseClose: (listener) => {
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
    close: () => {
      beforeClose();
      if (db) closeDatabase(db);
      db = null;
      emitter.removeAllListeners();
    },
  };

  const unavailable = (): ApiError => ({
    code: problem?.code ?? CommonErrors.databaseUnavailable,
    message: problem?.message ?? 'The database is not open.',
  });
  (backend as { dispatcher: Dispatcher }).dispatcher = createDispatcher({
    handlers: createHandlers(backend),
    context: () => (db ? context : { unavailable: unavailable(), partial: base }),
    checkOutputs: options.checkOutputs ?? process.env.NODE_ENV !== 'production',
    log,
  });
  return backend;
}
