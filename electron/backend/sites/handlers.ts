import { defineHandlers } from '../handlerTypes';

/** Site builder handlers (issue 3). */
export const siteHandlers = defineHandlers({});
