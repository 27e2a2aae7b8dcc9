import type { Entity } from '../../../../shared/api';
import type { ReadableDB } from '../../infra/db/handles';
import type { WriteQueue } from '../../infra/db/writeQueue';
import type { SyncAdapters } from './adapters';
import type { PlatformClient } from './platform';

/**
 * What a sync step works with: the connection to read between requests, and the write queue for
 * its short transactions — never held while a request is on the network.
 */
export interface SyncStepEnv {
  db: ReadableDB;
  writes: WriteQueue;
  adapters: SyncAdapters;
  client: PlatformClient;
  now: () => Date;
  newId: () => string;
  /** Where pictures referenced by pulled rows are looked for (and queued for download when absent). */
  dataDir: string;
  /** Collects the tables whose rows changed (the engine tells the UI). */
  touched?: Set<Entity>;
}
