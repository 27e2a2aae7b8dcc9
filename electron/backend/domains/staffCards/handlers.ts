import { defineHandlers } from '../../app/handlerTypes';
import { fillStaffCards, staffCardSheet, staffCardSheetFile } from './service';

export const staffCardHandlers = defineHandlers({
  'staffCards.fill': (input, ctx) => fillStaffCards(ctx, input),
  'staffCards.sheet': (input, ctx) => staffCardSheet(ctx, input),
  'files.staffCardSheet': (input, ctx) => staffCardSheetFile(ctx, input),
});
