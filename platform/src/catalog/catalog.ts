/** The versioned catalog: the platform numbers versions; version 1 is the app's seed catalog. */
import type { Kysely } from 'kysely';
import { SEED_CATALOG, catalogSchema, type Catalog, type Plan } from '../../../shared/domain/catalog';
import type { DB } from '../db/schema';

export async function latestCatalog(db: Kysely<DB>): Promise<Catalog> {
  const row = await db.selectFrom('catalog_version').select('data').orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row ? catalogSchema.parse(JSON.parse(row.data)) : { ...SEED_CATALOG, source: 'platform' };
}

export async function latestVersion(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('catalog_version').select('version').orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row ? Number(row.version) : SEED_CATALOG.version;
}

export async function seedCatalog(db: Kysely<DB>, at: string): Promise<void> {
  const existing = await db.selectFrom('catalog_version').select('version').limit(1).executeTakeFirst();
  if (existing) return;
  const catalog: Catalog = { ...SEED_CATALOG, source: 'platform' };
  await db
    .insertInto('catalog_version')
    .values({ version: catalog.version, published_at: at, published_by: 'seed', data: JSON.stringify(catalog) })
    .execute();
}

export async function publishCatalog(db: Kysely<DB>, plans: Plan[], by: string, at: string): Promise<Catalog> {
  return db.transaction().execute(async (trx) => {
    const version = (await latestVersion(trx)) + 1;
    const catalog: Catalog = { version, source: 'platform', publishedAt: at, plans };
    await trx
      .insertInto('catalog_version')
      .values({ version, published_at: at, published_by: by, data: JSON.stringify(catalog) })
      .execute();
    return catalog;
  });
}
