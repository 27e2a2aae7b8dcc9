/** The one handler table: every procedure of the contract, by domain, each group given only what it uses. */
import type { HandlerTable } from './handlerTypes';
import { createSystemHandlers } from '../domains/system/handlers';
import type { RecoveryHost } from '../domains/system/recovery';
import { enterpriseHandlers } from '../domains/enterprises/handlers';
import { catalogHandlers } from '../domains/catalog/handlers';
import { orderHandlers } from '../domains/orders/handlers';
import { draftHandlers } from '../domains/drafts/handlers';
import { siteHandlers } from '../domains/sites/handlers';
import { leadHandlers } from '../domains/leads/handlers';
import { publishingHandlers } from '../domains/publishing/handlers';
import { smsUsageHandlers } from '../domains/smsUsage/handlers';
import { smsActivityHandlers } from '../domains/smsActivity/handlers';
import { createSyncHandlers, type SyncHandlerDeps } from '../domains/sync/handlers';
import { createPortalHandlers } from '../domains/portal/handlers';
import { createRosterHandlers, type RosterHandlerDeps } from '../domains/roster/handlers';
import { groupServiceHandlers } from '../domains/groupServices/handlers';
import { staffCardHandlers } from '../domains/staffCards/handlers';
import { licenceHandlers } from '../domains/licence/handlers';

export interface HandlerDeps {
  recovery: RecoveryHost;
  sync: SyncHandlerDeps;
  roster: RosterHandlerDeps;
}

export function createHandlers(deps: HandlerDeps): HandlerTable {
  return {
    ...createSystemHandlers(deps.recovery),
    ...enterpriseHandlers,
    ...catalogHandlers,
    ...orderHandlers,
    ...draftHandlers,
    ...siteHandlers,
    ...leadHandlers,
    ...publishingHandlers,
    ...smsUsageHandlers,
    ...smsActivityHandlers,
    ...createSyncHandlers(deps.sync),
    ...createPortalHandlers(deps.sync),
    ...createRosterHandlers(deps.roster),
    ...groupServiceHandlers,
    ...staffCardHandlers,
    ...licenceHandlers,
  };
}
