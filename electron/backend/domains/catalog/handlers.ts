import { defineHandlers } from '../../app/handlerTypes';
import { catalogNow } from './service';

export const catalogHandlers = defineHandlers({
  'catalog.current': (_input, ctx) => catalogNow(ctx),
});
