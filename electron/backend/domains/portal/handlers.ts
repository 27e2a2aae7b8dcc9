/** The portals' search, asked of the platform (issue 13 item 5), and the member report from the synced table (item 4). */
import { defineHandlers } from '../../app/handlerTypes';
import type { SyncEngine } from '../sync/engine';
import { memberReport, searchPortals } from './service';
import { memberReportWorkbook } from './memberReportWorkbook';

export function createPortalHandlers({ engine }: { engine(): SyncEngine }) {
  return defineHandlers({
    'portal.search': (input) => searchPortals(engine(), input),
    'portal.memberReport': (input, ctx) => memberReport(ctx, input),
    'files.memberReport': (input, ctx) => memberReportWorkbook(memberReport(ctx, input)),
  });
}
