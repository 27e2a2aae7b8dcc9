import { defineHandlers } from '../handlerTypes';

/** Platform sign-in and sync handlers (issue 4). */
export const syncHandlers = defineHandlers({});
