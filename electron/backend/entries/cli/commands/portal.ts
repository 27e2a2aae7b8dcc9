/** `ecw portal search QUERY [--limit N]`: the portals' search through the signed-in platform (issue 13; fixed shape). */
import { PORTAL_SEARCH_MAX } from '../../../../../shared/platform-api/portal';
import { CliError, type CliCommand, type CliIO } from '../io';
import { parseCommandArgs } from './args';

const SEARCH_USAGE = 'portal search QUERY [--limit N]';

async function search(args: string[], io: CliIO): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, { limit: { type: 'string' } }, SEARCH_USAGE);
  const limit = values.limit === undefined ? 10 : Number(values.limit);
  if (positionals.length !== 1 || !Number.isInteger(limit) || limit < 1 || limit > PORTAL_SEARCH_MAX)
    throw new CliError('usage', `Usage: ecw ${SEARCH_USAGE} (N from 1 to ${PORTAL_SEARCH_MAX})`, 2);
  const hits = io.unwrap(await io.transport().invoke('portal.search', { query: positionals[0]!, limit }));
  const rows = hits.map((h) => ({ enterpriseId: h.enterpriseId, name: h.name, industry: h.industry, url: h.url, score: h.score }));
  io.print(
    rows,
    [...hits.map((h) => `${h.score.toFixed(2).padStart(6)}  ${h.industry}  ${h.name}  ${h.url}`), `${hits.length} found`].join('\n'),
  );
}

export const portalCommands: CliCommand[] = [{ path: ['portal', 'search'], usage: SEARCH_USAGE, run: search }];
