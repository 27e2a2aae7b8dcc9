/** Catalog versions: the newest one wins; the app's seed is version 1 until the platform sends more. */
import type Database from 'better-sqlite3';
import { catalogSchema, SEED_CATALOG, type Catalog } from '../../../../shared/domain/catalog';

export function saveCatalog(db: Database.Database, catalog: Catalog, receivedAt: Date): void {
  db.prepare('INSERT OR IGNORE INTO catalog (version, source, published_at, data_json, received_at) VALUES (?, ?, ?, ?, ?)').run(
    catalog.version,
    catalog.source,
    catalog.publishedAt,
    JSON.stringify(catalog),
    receivedAt.toISOString(),
  );
}

export function currentCatalog(db: Database.Database, now: Date): Catalog {
  const row = db.prepare<[], { data_json: string }>('SELECT data_json FROM catalog ORDER BY version DESC LIMIT 1').get();
  if (row) return catalogSchema.parse(JSON.parse(row.data_json));
  saveCatalog(db, SEED_CATALOG, now);
  return SEED_CATALOG;
}

export function catalogVersion(db: Database.Database, version: number): Catalog | undefined {
  const row = db.prepare<[number], { data_json: string }>('SELECT data_json FROM catalog WHERE version = ?').get(version);
  return row ? catalogSchema.parse(JSON.parse(row.data_json)) : undefined;
}
