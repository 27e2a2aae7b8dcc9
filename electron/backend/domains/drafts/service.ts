/** Drafts of half-filled forms (key → any JSON): local only, never synced, saved as the user types. */
import type { ReadContext, WriteContext } from '../../app/context';
import * as drafts from './repository';

export const getDraft = (ctx: ReadContext, key: string) => drafts.getDraft(ctx.db, key);
export const saveDraft = (ctx: WriteContext, key: string, value: unknown) => drafts.saveDraft(ctx.db, key, value, ctx.now());
export const deleteDraft = (ctx: WriteContext, key: string) => drafts.deleteDraft(ctx.db, key);
