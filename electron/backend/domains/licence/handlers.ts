import { defineHandlers } from '../../app/handlerTypes';
import { readLicence } from './service';

export const licenceHandlers = defineHandlers({
  'licence.read': (input) => readLicence(input),
});
