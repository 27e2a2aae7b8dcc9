/**
 * In-memory search over every enterprise, newest first. A substring scan of 100,000 short strings
 * takes a few milliseconds, where SQLite's LIKE/instr scan took 15–80 ms and FTS5 trigrams cannot
 * match the two-character Chinese queries people type most ("泉城"). The index reloads itself when
 * another connection (the CLI, a sync process) has written, which `PRAGMA data_version` reveals.
 */
import type Database from 'better-sqlite3';
import { normalizeMobile } from '../../../shared/domain/mobile';

interface Entry {
  id: string;
  updatedAt: string;
  haystack: string;
}

const SEPARATOR = '\u0001';

export const haystackOf = (name: string, creditCode: string, mobile: string) =>
  `${name.toLowerCase()}${SEPARATOR}${creditCode.toLowerCase()}${SEPARATOR}${mobile}`;

export class EnterpriseSearchIndex {
  private entries: Entry[] | null = null;
  private dataVersion = -1;

  constructor(private readonly db: Database.Database) {}

  private ensureLoaded(): Entry[] {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (this.entries && version === this.dataVersion) return this.entries;
    const rows = this.db
      .prepare<[], [string, string, string, string, string]>(
        'SELECT id, updated_at, name, credit_code, contact_mobile FROM enterprise WHERE server_deleted = 0 ORDER BY updated_at DESC, id DESC',
      )
      .raw()
      .all();
    this.entries = rows.map(([id, updatedAt, name, creditCode, mobile]) => ({ id, updatedAt, haystack: haystackOf(name, creditCode, mobile) }));
    this.dataVersion = version;
    return this.entries;
  }

  /** Call after this connection committed a create or update (its own writes do not bump data_version). */
  upsert(id: string, updatedAt: string, name: string, creditCode: string, mobile: string): void {
    if (!this.entries) return;
    const at = this.entries.findIndex((e) => e.id === id);
    if (at >= 0) this.entries.splice(at, 1);
    const entry = { id, updatedAt, haystack: haystackOf(name, creditCode, mobile) };
    const position = this.entries.findIndex((e) => e.updatedAt < updatedAt || (e.updatedAt === updatedAt && e.id < id));
    this.entries.splice(position < 0 ? this.entries.length : position, 0, entry);
  }

  search(query: string, offset: number, limit: number): { total: number; ids: string[] } {
    const entries = this.ensureLoaded();
    const needles = needlesOf(query);
    if (needles.length === 0) return { total: entries.length, ids: entries.slice(offset, offset + limit).map((e) => e.id) };
    const ids: string[] = [];
    let total = 0;
    for (const entry of entries) {
      if (!needles.some((n) => entry.haystack.includes(n))) continue;
      if (total >= offset && ids.length < limit) ids.push(entry.id);
      total++;
    }
    return { total, ids };
  }
}

function needlesOf(query: string): string[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const needles = [q];
  if (/^[+\d][\d\s\-]*$/.test(q)) {
    const digits = normalizeMobile(q);
    if (digits && digits !== q) needles.push(digits);
  }
  return needles;
}
