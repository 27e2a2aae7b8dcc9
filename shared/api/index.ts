/**
 * The renderer ↔ backend contract: every procedure once, with its zod input and output.
 * Both sides infer their types from here; the dispatcher parses every input with its schema.
 */
import type { z } from 'zod';
import type { Procedure } from './contract';
import type { Result } from './result';
import type { EventName, EventPayload } from './events';
import { systemApi } from './system';
import { enterprisesApi } from './enterprises';
import { catalogApi } from './catalog';
import { ordersApi } from './orders';
import { draftsApi } from './drafts';
import { sitesApi } from './sites';
import { syncApi } from './sync';
import { filesApi, type FileName } from './files';
import { rosterApi } from './roster';
import { groupServicesApi } from './groupServices';
import { staffCardsApi } from './staffCards';
import { licenceApi } from './licence';
import { leadsApi } from './leads';
import { publishingApi } from './publishing';
import { portalApi } from './portal';
import { smsUsageApi } from './smsUsage';
import { smsActivityApi } from './smsActivity';

export const contract = {
  ...systemApi,
  ...enterprisesApi,
  ...catalogApi,
  ...ordersApi,
  ...draftsApi,
  ...sitesApi,
  ...syncApi,
  ...filesApi,
  ...rosterApi,
  ...groupServicesApi,
  ...staffCardsApi,
  ...licenceApi,
  ...leadsApi,
  ...publishingApi,
  ...portalApi,
  ...smsUsageApi,
  ...smsActivityApi,
} satisfies Record<string, Procedure>;

export type Contract = typeof contract;
export type ProcedureName = keyof Contract;
export type Input<N extends ProcedureName> = z.input<Contract[N]['input']>;
export type ParsedInput<N extends ProcedureName> = z.output<Contract[N]['input']>;
export type Output<N extends ProcedureName> = z.output<Contract[N]['output']>;

/** Procedures that only read (cacheable, with the entities they read), and those that change data. */
export type QueryName = { [N in ProcedureName]: Contract[N]['kind'] extends 'query' ? N : never }[ProcedureName];
export type MutationName = Exclude<ProcedureName, QueryName>;

export const isProcedureName = (name: string): name is ProcedureName => Object.hasOwn(contract, name);

/** What every transport offers the renderer, the CLI and tests. */
export interface Transport {
  invoke<N extends ProcedureName>(name: N, input: Input<N>): Promise<Result<Output<N>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** The address a window loads a file from (`<img src>`, a frame, a download); `filePath`'s when absent. */
  fileUrl?<N extends FileName>(name: N, input: Input<N>): string;
}

export * from './result';
export { events } from './events';
export type { EventName, EventPayload } from './events';
export { ENTITIES, type Entity } from './entities';
