import { defineHandlers } from '../../app/handlerTypes';
import { importRoster, previewImport, type PlatformAccess } from './importService';
import { addMember, discardChange, listRoster, removeMember, setRules, updateMember } from './service';
import { submitRoster } from './submit';

/** What the roster's handlers need besides their context: the platform, for the other-groups lookup. */
export interface RosterHandlerDeps {
  platform: PlatformAccess;
}

export const createRosterHandlers = (deps: RosterHandlerDeps) =>
  defineHandlers({
    'roster.list': ({ enterpriseId }, ctx) => listRoster(ctx, enterpriseId),
    'roster.previewImport': (input, ctx) => previewImport(ctx, input, deps.platform),
    'roster.import': (input, ctx) => importRoster(ctx, input, deps.platform),
    'roster.setRules': (input, ctx) => setRules(ctx, input),
    'roster.addMember': (input, ctx) => addMember(ctx, input),
    'roster.updateMember': (input, ctx) => updateMember(ctx, input),
    'roster.removeMember': ({ id }, ctx) => removeMember(ctx, id),
    'roster.submit': ({ enterpriseId }, ctx) => submitRoster(ctx, enterpriseId),
    'roster.discardChange': ({ id }, ctx) => discardChange(ctx, id),
  });
