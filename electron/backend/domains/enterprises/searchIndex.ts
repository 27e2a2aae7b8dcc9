/**
 * In-memory search over every enterprise for the list: words, filters and sort orders.
 *
 * A query is words ("淄博 机械"); an enterprise matches when every word is found in its name, its
 * contact's name, its province/city/district, its credit code or mobile (digits however typed), or —
 * for a word of letters — its name's pinyin initials ("lzjx"). Filters (platform status, plan,
 * region) narrow it; the order is newest first, by name (pinyin) or newest registered.
 *
 * Each kind of text is kept as one long string ("name\ncontact\nplace\n…") and searched with
 * indexOf, which V8 runs far faster than 100,000 separate `includes` calls; a match position maps
 * back to its entry through an offsets table walked forwards. SQLite's LIKE/instr scans took
 * 15–80 ms here and FTS5 trigrams cannot match the two-character Chinese queries people type most.
 *
 * Freshness: a trigger-maintained counter (migration 0004) changes on every write to the table —
 * from this connection, another process (the CLI) or a sync applying a pull — and the index reloads
 * when the counter moved in a way its own `upsert` calls do not explain.
 */
import { normalizeMobile } from '../../../../shared/domain/mobile';
import type { ReadableDB } from '../../infra/db/handles';
import { initialsOf, pinyinSortKey } from './pinyin';
import { enterpriseChangeCount, searchEntries, type SearchEntryRecord } from './repository';

export type ListSort = 'updated' | 'name' | 'created';

/** Names whose initials `warm` works out per turn of the event loop. */
const WARM_CHUNK = 500;

export interface ListQuery {
  query?: string | undefined;
  /** The platform status, or 'local' for one the platform does not have yet. */
  status?: string | undefined;
  /** A plan code, or 'none' for no active plan. */
  planCode?: string | undefined;
  /** "province/city". */
  region?: string | undefined;
  sort: ListSort;
  offset: number;
  limit: number;
}

interface Entry {
  id: string;
  updatedAt: string;
  createdAt: string;
  name: string;
  /** Lower case: name, contact's name, place — one line each, so no word runs from one into another. */
  text: string;
  /** Credit code and mobile: only letters and digits. */
  codes: string;
  status: string | null;
  region: string;
  /** Made when first needed. */
  initials?: string;
  sortKey?: string;
}

interface Haystack {
  text: string;
  /** Where each entry's part of `text` starts. */
  starts: Int32Array;
}

const oneLine = (s: string) => s.toLowerCase().replace(/\n/g, ' ');

const entryOf = (r: SearchEntryRecord): Entry => ({
  id: r.id,
  updatedAt: r.updated_at,
  createdAt: r.created_at,
  name: r.name,
  text: [r.name, r.contact_name, `${r.province}${r.city}${r.district}`].map(oneLine).join('\n'),
  codes: `${r.credit_code.toLowerCase()} ${r.contact_mobile}`,
  status: r.platform_status,
  region: `${r.province}/${r.city}`,
});

function haystackOf(parts: string[]): Haystack {
  const starts = new Int32Array(parts.length);
  let at = 0;
  parts.forEach((part, i) => {
    starts[i] = at;
    at += part.length + 1;
  });
  return { text: parts.join('\u0001'), starts };
}

/** Marks every entry whose part of the haystack contains the needle. */
function markMatches(haystack: Haystack, needle: string, marks: Uint8Array): void {
  const { text, starts } = haystack;
  let entry = 0;
  let position = text.indexOf(needle);
  while (position !== -1) {
    while (entry + 1 < starts.length && starts[entry + 1]! <= position) entry++;
    marks[entry] = 1;
    const next = entry + 1 < starts.length ? starts[entry + 1]! : text.length;
    position = text.indexOf(needle, next);
  }
}

/** The words of a query, full-width characters as ASCII ("ＬＺＪＸ", a full-width space). */
function wordsOf(query: string): string[] {
  const q = query.normalize('NFKC').trim().toLowerCase();
  // A phone number typed with +86, spaces or hyphens ("138 0013 8000") is one word: its digits.
  if (/^[+\d][\d\s\-]*$/.test(q)) return [normalizeMobile(q) || q];
  return q.split(/\s+/).filter(Boolean);
}

export class EnterpriseSearchIndex {
  private entries: Entry[] | null = null;
  private texts: Haystack | null = null;
  private codes: Haystack | null = null;
  private initials: Haystack | null = null;
  private byName: Int32Array | null = null;
  private byCreated: Int32Array | null = null;
  private seenCount = -1;

  constructor(private readonly db: ReadableDB) {}

  private changeCount(): number {
    return enterpriseChangeCount(this.db);
  }

  /**
   * Loads the entries now, then works out the names' pinyin initials a few hundred at a time between
   * other work (the backend calls this shortly after start, so the first search is quick).
   */
  warm(): void {
    const entries = this.current();
    let next = 0;
    const step = () => {
      if (this.entries !== entries) return; // reloaded meanwhile: the next search works out what it needs
      for (const end = Math.min(next + WARM_CHUNK, entries.length); next < end; next++)
        entries[next]!.initials ??= initialsOf(entries[next]!.name);
      if (next < entries.length) setImmediate(step);
    };
    setImmediate(step);
  }

  private forget(): void {
    this.texts = this.codes = this.initials = null;
    this.byName = this.byCreated = null;
  }

  private current(): Entry[] {
    const count = this.changeCount();
    if (this.entries && count === this.seenCount) return this.entries;
    this.entries = searchEntries(this.db).map(entryOf);
    this.forget();
    this.seenCount = count;
    return this.entries;
  }

  /** Call after this connection committed one create or update of this enterprise. */
  upsert(record: SearchEntryRecord): void {
    if (!this.entries) return;
    const count = this.changeCount();
    if (count !== this.seenCount + 1) {
      this.entries = null; // someone else wrote too: reload on the next search
      return;
    }
    this.seenCount = count;
    const at = this.entries.findIndex((e) => e.id === record.id);
    if (at >= 0) this.entries.splice(at, 1);
    const position = this.entries.findIndex(
      (e) => e.updatedAt < record.updated_at || (e.updatedAt === record.updated_at && e.id < record.id),
    );
    this.entries.splice(position < 0 ? this.entries.length : position, 0, entryOf(record));
    this.forget();
  }

  /** Entries (by position) whose texts hold every word. */
  private matchWords(entries: Entry[], words: string[]): Uint8Array {
    const all = new Uint8Array(entries.length).fill(1);
    for (const word of words) {
      const marks = new Uint8Array(entries.length);
      this.texts ??= haystackOf(entries.map((e) => e.text));
      markMatches(this.texts, word, marks);
      if (/^[0-9a-z]+$/.test(word)) {
        this.codes ??= haystackOf(entries.map((e) => e.codes));
        markMatches(this.codes, word, marks);
      }
      if (/^[a-z]{2,}$/.test(word)) {
        this.initials ??= haystackOf(entries.map((e) => (e.initials ??= initialsOf(e.name))));
        markMatches(this.initials, word, marks);
      }
      for (let i = 0; i < all.length; i++) all[i]! &= marks[i]!;
    }
    return all;
  }

  /** Positions in the order asked for (entries are kept newest-updated first). */
  private order(entries: Entry[], sort: ListSort): Int32Array | null {
    if (sort === 'name') {
      for (const e of entries) e.sortKey ??= pinyinSortKey(e.name);
      return (this.byName ??= Int32Array.from(entries.keys()).sort((a, b) =>
        entries[a]!.sortKey! < entries[b]!.sortKey! ? -1 : entries[a]!.sortKey! > entries[b]!.sortKey! ? 1 : 0,
      ));
    }
    if (sort === 'created')
      return (this.byCreated ??= Int32Array.from(entries.keys()).sort((a, b) =>
        entries[a]!.createdAt > entries[b]!.createdAt ? -1 : entries[a]!.createdAt < entries[b]!.createdAt ? 1 : a - b,
      ));
    return null;
  }

  /**
   * One page of the list and the total. `plans` gives each enterprise's active plan code; it is
   * asked for only when the list is filtered by plan.
   */
  search(q: ListQuery, plans: () => ReadonlyMap<string, string>): { total: number; ids: string[] } {
    const entries = this.current();
    const words = q.query ? wordsOf(q.query) : [];
    const marks = words.length ? this.matchWords(entries, words) : null;
    const planOf = q.planCode ? plans() : null;
    const keep = (e: Entry) =>
      (!q.status || (e.status ?? 'local') === q.status) &&
      (!q.region || e.region === q.region) &&
      (!planOf || (planOf.get(e.id) ?? 'none') === q.planCode);
    const order = this.order(entries, q.sort);
    const ids: string[] = [];
    let total = 0;
    for (let n = 0; n < entries.length; n++) {
      const i = order ? order[n]! : n;
      if (marks && !marks[i]) continue;
      const entry = entries[i]!;
      if (!keep(entry)) continue;
      if (total >= q.offset && ids.length < q.limit) ids.push(entry.id);
      total++;
    }
    return { total, ids };
  }
}
