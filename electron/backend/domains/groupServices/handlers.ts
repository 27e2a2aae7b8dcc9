import { defineHandlers } from '../../app/handlerTypes';
import { getServices, removeRingTone, ringToneAudio, setRingToneMembers, setSmsGroups, setSwitchboard, uploadRingTone } from './service';

export const groupServiceHandlers = defineHandlers({
  'services.get': ({ enterpriseId }, ctx) => getServices(ctx, enterpriseId),
  'services.setSwitchboard': (input, ctx) => setSwitchboard(ctx, input),
  'services.setSmsGroups': (input, ctx) => setSmsGroups(ctx, input),
  'services.uploadRingTone': (input, ctx) => uploadRingTone(ctx, input),
  'services.setRingToneMembers': (input, ctx) => setRingToneMembers(ctx, input),
  'services.removeRingTone': ({ enterpriseId }, ctx) => removeRingTone(ctx, enterpriseId),
  'services.ringToneAudio': ({ sha256 }, ctx) => ringToneAudio(ctx, sha256),
});
