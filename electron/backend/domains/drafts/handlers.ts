/** Drafts of half-filled forms: local only (never synced), saved as the user types. */
import { defineHandlers } from '../../app/handlerTypes';
import { deleteDraft, getDraft, saveDraft } from './service';

export const draftHandlers = defineHandlers({
  'drafts.get': ({ key }, ctx) => getDraft(ctx, key),
  'drafts.save': ({ key, value }, ctx) => saveDraft(ctx, key, value),
  'drafts.delete': ({ key }, ctx) => deleteDraft(ctx, key),
});
