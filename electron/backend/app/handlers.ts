/** The one handler table: every procedure of the contract, by domain. */
import type { Backend } from './backend';
import type { HandlerTable } from './handlerTypes';
import { createSystemHandlers } from '../domains/system/handlers';
import { enterpriseHandlers } from '../domains/enterprises/handlers';
import { catalogHandlers } from '../domains/catalog/handlers';
import { orderHandlers } from '../domains/orders/handlers';
import { draftHandlers } from '../domains/drafts/handlers';
import { siteHandlers } from '../domains/sites/handlers';
import { createSyncHandlers } from '../domains/sync/handlers';

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
