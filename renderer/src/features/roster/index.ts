/** VPMN rosters (动力100): the roster page of an enterprise, and the summary its detail page shows. */
import type { RouteObject } from 'react-router';
import { lazyPart } from '../../ui/lazyPart';

/** The roster's size and state, with the way to the roster page (loaded with the page that shows it). */
export const RosterSummary = lazyPart(async () => (await import('./roster/RosterSummary')).RosterSummary);

export const rosterRoutes: RouteObject[] = [{ path: 'enterprises/:id/roster', lazy: async () => ({ Component: (await import('./roster/RosterPage')).RosterPage }) }];
