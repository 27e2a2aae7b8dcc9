import { defineHandlers } from '../../app/handlerTypes';
import { licencePhotoFile } from './photo';
import { prepareLicenceReader, readLicence } from './service';

export const licenceHandlers = defineHandlers({
  'licence.prepare': () => prepareLicenceReader(),
  'licence.read': (input, ctx) => readLicence(ctx, input),
  'files.licencePhoto': (input, ctx) => licencePhotoFile(ctx, input),
});
