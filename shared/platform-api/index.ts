/** The desktop ↔ platform contract (SYNC.md §3.3). README.md in this folder lists the endpoints. */
export * from './common';
export * from './auth';
export * from './tables';
export * from './roster';
export * from './sync';
export * from './assets';
export * from './catalog';
export * from './opening';
export * from './admin';
export * from './portal';
