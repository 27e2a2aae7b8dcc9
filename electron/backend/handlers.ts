/** The one handler table: every procedure of the contract, by domain. */
import type { Backend } from './backend';
import type { HandlerTable } from './handlerTypes';
import { createSystemHandlers } from './system/handlers';
import { enterpriseHandlers } from './enterprises/handlers';
import { catalogHandlers } from './catalog/handlers';
import { orderHandlers } from './orders/handlers';
import { draftHandlers } from './drafts/handlers';
import { siteHandlers } from './sites/handlers';
import { createSyncHandlers } from './sync/handlers';

export function createHandlers(backend: Backend): HandlerTable {
  return {
    ...createSystemHandlers(backend),
    ...enterpriseHandlers,
    ...catalogHandlers,
    ...orderHandlers,
    ...draftHandlers,
    ...siteHandlers,
    ...createSyncHandlers(backend),
  };
}
