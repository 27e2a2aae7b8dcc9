/** VPMN rosters (动力100): the roster page of an enterprise, the summary its detail page shows, and the licence reader of the new-enterprise form. */
import type { RouteObject } from 'react-router';
import { lazyPart } from '../../ui/lazyPart';

/** The roster's size and state, with the way to the roster page (loaded with the page that shows it). */
export const RosterSummary = lazyPart(async () => (await import('./roster/RosterSummary')).RosterSummary);

export const rosterRoutes: RouteObject[] = [
  { path: 'enterprises/:id/roster', lazy: async () => ({ Component: (await import('./roster/RosterPage')).RosterPage }) },
];

/** Reads a 营业执照 photo into the new-enterprise form. */
export const LicenceReader = lazyPart(async () => (await import('./licence/LicenceReader')).LicenceReader);
export type { LicenceFill } from './licence/LicenceReader';
