import { defineHandlers } from '../../app/handlerTypes';
import { currentCatalog } from './repository';

export const catalogHandlers = defineHandlers({
  'catalog.current': (_input, ctx) => currentCatalog(ctx.db),
});
