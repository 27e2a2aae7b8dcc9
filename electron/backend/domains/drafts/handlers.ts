/** Drafts of half-filled forms: local only (never synced), saved as the user types. */
import { defineHandlers } from '../../app/handlerTypes';
import { deleteDraft, getDraft, saveDraft } from './repository';

export const draftHandlers = defineHandlers({
  'drafts.get': ({ key }, ctx) => getDraft(ctx.db, key),
  'drafts.save': ({ key, value }, ctx) => saveDraft(ctx.db, key, value, ctx.now()),
  'drafts.delete': ({ key }, ctx) => deleteDraft(ctx.db, key),
});
