/**
 * The backend's one connection to its SQLite file: opened at start, closed and opened again when
 * a person starts fresh, and the reason it is unavailable when it cannot be opened.
 */
import type { Logger } from '../log';
import { closeDatabase, openDatabase, StartupProblem } from './database';
import { asReadable, type ReadableDB } from './handles';

export interface Connection {
  readonly file: string;
  /** The open connection, or null (see `problem`). */
  current(): ReadableDB | null;
  /** The open connection; throws when there is none. */
  require(): ReadableDB;
  /** Why the database is unavailable, or null when it is open. */
  problem(): StartupProblem | null;
  /** Closes and opens the file again (after "start fresh"). */
  reopen(): void;
  close(): void;
  /** Called before the connection closes (close, reopen): whoever keeps timers on it stops here. */
  onClose(listener: () => void): () => void;
}

export function openConnection(file: string, log: Logger, onOpen: (db: ReadableDB) => void = () => undefined): Connection {
  let db: ReadableDB | null = null;
  let problem: StartupProblem | null = null;
  const closeListeners = new Set<() => void>();

  const open = () => {
    try {
      db = asReadable(openDatabase(file));
      problem = null;
      onOpen(db);
    } catch (error) {
      db = null;
      problem = error instanceof StartupProblem ? error : new StartupProblem('db_open_failed', (error as Error).message);
      log(`database unavailable: ${problem.code}`, problem);
    }
  };
  const close = () => {
    [...closeListeners].forEach((listener) => listener());
    if (db) closeDatabase(db);
    db = null;
  };
  open();

  return {
    file,
    current: () => db,
    require: () => {
      if (!db) throw new Error('database is not open');
      return db;
    },
    problem: () => problem,
    reopen: () => {
      close();
      open();
    },
    close,
    onClose: (listener) => {
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
  };
}
