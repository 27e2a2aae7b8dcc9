/** The plan catalog the quotes use: the newest version held, the app's seed until the platform sends one. */
import type { Catalog } from '../../../../shared/domain/catalog';
import type { ReadContext } from '../../app/context';
import { currentCatalog } from './repository';

export const catalogNow = (ctx: Pick<ReadContext, 'db'>): Catalog => currentCatalog(ctx.db);
