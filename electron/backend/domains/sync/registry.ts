/**
 * One sync engine per backend, created on first use and closed with the database. Hosts set it
 * up before first use: Electron's utilityProcess entry passes the keychain vault, the CLI turns
 * the automatic triggers off, tests pass their fetch (through the fault proxy) and clocks.
 */
import type { Backend } from '../../app/backend';
import type { BackendContext } from '../../app/context';
import { SyncEngine, type SyncEngineOptions } from './engine';

export type SyncSetup = Omit<SyncEngineOptions, 'backend' | 'now' | 'newId' | 'emit'> & Partial<Pick<SyncEngineOptions, 'now' | 'newId'>>;

const engines = new WeakMap<Backend, SyncEngine>();
const setups = new WeakMap<Backend, SyncSetup>();

/** Options for the backend's engine; takes effect when the engine is (re)created. */
export function configureSync(backend: Backend, setup: SyncSetup): void {
  setups.set(backend, setup);
  engines.get(backend)?.close();
  engines.delete(backend);
}

export function syncEngineFor(backend: Backend, ctx: Pick<BackendContext, 'now' | 'newId' | 'emit'>): SyncEngine {
  let engine = engines.get(backend);
  if (!engine) {
    const setup = setups.get(backend) ?? {};
    engine = new SyncEngine({ now: ctx.now, newId: ctx.newId, ...setup, emit: ctx.emit, backend });
    engines.set(backend, engine);
    const created = engine;
    const stop = backend.onDatabaseClose(() => {
      stop();
      created.close();
      if (engines.get(backend) === created) engines.delete(backend);
    });
  }
  return engine;
}
