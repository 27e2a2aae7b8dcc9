import { defineHandlers } from '../../app/handlerTypes';
import { countUnhandledLeads, listLeads, setHandled } from './service';

/** Visitors' leads (issue 10). */
export const leadHandlers = defineHandlers({
  'leads.list': (input, ctx) => listLeads(ctx, input),
  'leads.unhandledCount': (_input, ctx) => countUnhandledLeads(ctx),
  'leads.setHandled': (input, ctx) => setHandled(ctx, input),
});
