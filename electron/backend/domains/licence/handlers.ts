import { defineHandlers } from '../../app/handlerTypes';
import { licencePhotoFile } from './photo';
import { readLicence } from './service';

export const licenceHandlers = defineHandlers({
  'licence.read': (input, ctx) => readLicence(ctx, input),
  'files.licencePhoto': (input, ctx) => licencePhotoFile(ctx, input),
});
