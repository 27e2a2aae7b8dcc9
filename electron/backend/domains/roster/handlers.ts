import { defineHandlers } from '../../app/handlerTypes';
import { importRoster, previewImport } from './importService';
import { addMember, discardChange, listRoster, removeMember, setRules, updateMember } from './service';
import { submitRoster } from './submit';

export const rosterHandlers = defineHandlers({
  'roster.list': ({ enterpriseId }, ctx) => listRoster(ctx, enterpriseId),
  'roster.previewImport': (input, ctx) => previewImport(ctx, input),
  'roster.import': (input, ctx) => importRoster(ctx, input),
  'roster.setRules': (input, ctx) => setRules(ctx, input),
  'roster.addMember': (input, ctx) => addMember(ctx, input),
  'roster.updateMember': (input, ctx) => updateMember(ctx, input),
  'roster.removeMember': ({ id }, ctx) => removeMember(ctx, id),
  'roster.submit': ({ enterpriseId }, ctx) => submitRoster(ctx, enterpriseId),
  'roster.discardChange': ({ id }, ctx) => discardChange(ctx, id),
});
