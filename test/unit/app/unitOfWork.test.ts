/**
 * The unit of work (app/unitOfWork.ts): a user-visible change writes its row, its outbox op and its
 * audit entry in one transaction and tells the UI only after the commit; a synced record's change
 * without its outbox step does not compile and is refused at run time; and no code but the unit of
 * work reaches the raw outbox writers.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../../shared/api';
import type { WriteContext } from '../../../electron/backend/app/context';
import { commitChanges, type RecordChange } from '../../../electron/backend/app/unitOfWork';
import { findEnterprise, insertEnterprise } from '../../../electron/backend/domains/enterprises/repository';
import { enterpriseWireFields } from '../../../electron/backend/domains/enterprises/syncAdapter';
import type { WritableDB } from '../../../electron/backend/infra/db/handles';
import { enterpriseInput } from '../../bench/generateEnterprises';
import { createTestBackend, type TestBackend } from '../../helpers/backend';
import { REPO_ROOT } from '../../helpers/paths';

let t: TestBackend;
afterEach(() => t?.cleanup());

/** A mutation's context on a real backend, recording what it tells the UI and whether a transaction was open then. */
function setUp() {
  t = createTestBackend();
  const events: { event: EventName; payload: unknown; inTransaction: boolean; rowThere: boolean }[] = [];
  const context = (db: WritableDB): WriteContext => ({
    db,
    dataDir: t.dataDir,
    writes: t.backend.writes,
    now: () => t.clock.now,
    newId: () => crypto.randomUUID(),
    actor: () => '李敏',
    emit: (event, payload) => {
      const id = (payload as { id?: string }).id ?? '';
      events.push({ event, payload, inTransaction: db.inTransaction, rowThere: findEnterprise(db, id) !== undefined });
    },
  });
  const commit = (changes: RecordChange[]) =>
    t.backend.writes.hold((db) => commitChanges(context(db), () => ({ changes, result: undefined })));
  const count = (table: string) => t.backend.database()!.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
  return { events, commit, count };
}

const created = (id: string, input = enterpriseInput(1)): RecordChange => ({
  entity: 'enterprise',
  id,
  write: (db) => insertEnterprise(db, id, input, '2026-11-16T01:00:00.000Z'),
  outbox: { op: 'create', patch: enterpriseWireFields(input) },
  audit: { action: 'enterprise.created', detail: { name: input.name } },
});

describe('the unit of work', () => {
  it('writes the row, its outbox op and its audit entry, and tells the UI after the commit', async () => {
    const { events, commit, count } = setUp();
    await commit([created('e1')]);
    const db = t.backend.database()!;
    expect(db.prepare('SELECT tbl, row_id, kind FROM outbox').all()).toEqual([{ tbl: 'enterprise', row_id: 'e1', kind: 'create' }]);
    expect(db.prepare('SELECT entity, entity_id, action, actor FROM audit_log').all()).toEqual([
      { entity: 'enterprise', entity_id: 'e1', action: 'enterprise.created', actor: '李敏' },
    ]);
    expect(count('enterprise')).toBe(1);
    expect(events).toEqual([{ event: 'data.changed', payload: { entity: 'enterprise', id: 'e1' }, inTransaction: false, rowThere: true }]);
  });

  it('writes nothing and tells nobody when the outbox cannot be written', async () => {
    const { events, commit, count } = setUp();
    t.backend.database()!.exec(`CREATE TEMP TRIGGER no_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    await expect(commit([created('e1')])).rejects.toThrow('disk full');
    expect([count('enterprise'), count('outbox'), count('audit_log')]).toEqual([0, 0, 0]);
    expect(events).toEqual([]);
  });

  it('does not accept a synced record’s change without its outbox step, at compile time or at run time', async () => {
    const { events, commit, count } = setUp();
    const input = enterpriseInput(2);
    // @ts-expect-error: an enterprise's change must say what the platform learns (or say out loud that it learns nothing)
    const forgotten: RecordChange = {
      entity: 'enterprise',
      id: 'e2',
      write: (db) => insertEnterprise(db, 'e2', input, '2026-11-16T01:00:00.000Z'),
    };
    await expect(commit([forgotten])).rejects.toThrow('has no outbox step');
    expect([count('enterprise'), count('outbox'), count('audit_log')]).toEqual([0, 0, 0]);
    expect(events).toEqual([]);
  });

  it('records a local-only change without an op, and an update that changes no synced field without an op', async () => {
    const { commit, count } = setUp();
    await commit([created('e1')]);
    await commit([
      {
        entity: 'enterprise',
        id: 'e1',
        outbox: { op: 'update', patch: {} },
        audit: { action: 'enterprise.updated', detail: { fields: [] } },
      },
    ]);
    await commit([
      {
        entity: 'service_order',
        id: 'o1',
        write: () => undefined,
        outbox: { localOnly: 'unsubmitted_order' },
        audit: { action: 'order.created' },
      },
    ]);
    expect(count('outbox')).toBe(1);
    expect(count('audit_log')).toBe(3);
  });
});

/** Every TypeScript file of the backend. */
function backendFiles(dir = path.join(REPO_ROOT, 'electron/backend')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? backendFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

/** The names a file imports (values, not types) from modules whose resolved path ends with `target`. */
function valueImports(file: string, target: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  return source.statements.flatMap((statement) => {
    if (!ts.isImportDeclaration(statement) || statement.importClause?.isTypeOnly || !ts.isStringLiteral(statement.moduleSpecifier))
      return [];
    if (!path.resolve(path.dirname(file), statement.moduleSpecifier.text).endsWith(target)) return [];
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) return ['*'];
    return bindings && ts.isNamedImports(bindings)
      ? bindings.elements.filter((e) => !e.isTypeOnly).map((e) => (e.propertyName ?? e.name).text)
      : [];
  });
}

describe('the raw outbox writers', () => {
  it('are imported by the unit of work only', () => {
    const importers = backendFiles()
      .filter((file) => valueImports(file, path.join('domains', 'sync', 'db', 'outbox')).length > 0)
      .map((file) => path.relative(REPO_ROOT, file));
    expect(importers).toEqual(['electron/backend/app/unitOfWork.ts']);
  });

  it('are the only code that inserts into the outbox', () => {
    const inserting = backendFiles()
      .filter((file) => /INSERT INTO outbox/i.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(REPO_ROOT, file));
    expect(inserting).toEqual(['electron/backend/domains/sync/db/outbox.ts']);
  });
});
