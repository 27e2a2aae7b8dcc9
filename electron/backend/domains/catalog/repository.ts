/**
 * Catalog versions: the newest one wins; the app's seed (version 1) counts as held until the
 * platform sends more.
 */
import { catalogSchema, SEED_CATALOG, type Catalog } from '../../../../shared/domain/catalog';
import type { ReadableDB, WritableDB } from '../../infra/db/handles';
import { perDatabase } from '../../infra/db/perDatabase';

const reads = perDatabase((db: ReadableDB) => ({
  newest: db.prepare<[], { data_json: string }>('SELECT data_json FROM catalog ORDER BY version DESC LIMIT 1'),
  byVersion: db.prepare<[number], { data_json: string }>('SELECT data_json FROM catalog WHERE version = ?'),
  newestVersion: db.prepare<[], { v: number | null }>('SELECT max(version) AS v FROM catalog'),
}));

export function saveCatalog(db: WritableDB, catalog: Catalog, receivedAt: Date): void {
  db.prepare('INSERT OR IGNORE INTO catalog (version, source, published_at, data_json, received_at) VALUES (?, ?, ?, ?, ?)').run(
    catalog.version,
    catalog.source,
    catalog.publishedAt,
    JSON.stringify(catalog),
    receivedAt.toISOString(),
  );
}

export function currentCatalog(db: ReadableDB): Catalog {
  const row = reads(db).newest.get();
  return row ? catalogSchema.parse(JSON.parse(row.data_json)) : SEED_CATALOG;
}

/** The newest version held (the seed's when none came from the platform yet). */
export const heldCatalogVersion = (db: ReadableDB): number => reads(db).newestVersion.get()?.v ?? SEED_CATALOG.version;

export function catalogVersion(db: ReadableDB, version: number): Catalog | undefined {
  const row = reads(db).byVersion.get(version);
  if (row) return catalogSchema.parse(JSON.parse(row.data_json));
  return version === SEED_CATALOG.version ? SEED_CATALOG : undefined;
}
