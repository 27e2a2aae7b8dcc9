import { z } from 'zod';
import { query } from './contract';
import { catalogSchema } from '../domain/catalog';

export const catalogApi = {
  'catalog.current': query(z.object({}), catalogSchema, { reads: ['catalog'] }),
};
