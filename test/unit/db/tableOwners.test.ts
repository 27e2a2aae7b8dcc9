/**
 * Where SQL lives (issue 7 item 3): every table has one owning domain (infra/db/tableOwners.ts);
 * SQL is written only in `repository.ts` files and `db/` folders, and a domain's SQL names only
 * its own tables. The lint (eslint.config.js) keeps SQL calls and SQL drivers in those files; which
 * tables a statement names is checked here, against the migrated schema.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { openDatabase } from '../../../electron/backend/infra/db/database';
import { TABLE_OWNERS } from '../../../electron/backend/infra/db/tableOwners';
import { tempDir } from '../../helpers/backend';
import { REPO_ROOT } from '../../helpers/paths';

const BACKEND = path.join(REPO_ROOT, 'electron/backend');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

const SQL_CALLS = new Set(['prepare', 'exec', 'pragma']);

/** The SQL text of every `x.prepare(…)`, `x.exec(…)`, `x.pragma(…)` called with a string in `file`. */
function sqlIn(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && SQL_CALLS.has(node.expression.name.text)) {
      const [first] = node.arguments;
      if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first) || ts.isTemplateExpression(first)))
        found.push(first.getText());
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const isSqlHome = (file: string) => path.basename(file) === 'repository.ts' || file.split(path.sep).includes('db');
const domainOf = (file: string) => /domains[\\/]([^\\/]+)[\\/]/.exec(file)?.[1];
const tablesNamed = (sql: string) =>
  [...sql.matchAll(/\b(?:FROM|INTO|UPDATE|JOIN|TABLE|ON)\s+([a-z_]+)\b/g)].map((m) => m[1]!).filter((t) => !t.startsWith('sqlite_'));

/** `file: table` for each table of another domain that the SQL of `file` names. */
function trespassesIn(file: string, text?: string): string[] {
  const domain = domainOf(file);
  return sqlIn(file, text).flatMap((sql) =>
    tablesNamed(sql)
      .filter((table) => table in TABLE_OWNERS && TABLE_OWNERS[table as keyof typeof TABLE_OWNERS] !== domain)
      .map((table) => `${path.relative(REPO_ROOT, file)}: ${table}`),
  );
}

let db: Database.Database | undefined;
afterEach(() => db?.close());

describe('table ownership', () => {
  it('names an owner for every table the migrations create, and no table that does not exist', () => {
    db = openDatabase(path.join(tempDir('ecw-owners-'), 'ecw.sqlite'));
    const tables = db
      .prepare<[], string>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .pluck()
      .all();
    expect(Object.keys(TABLE_OWNERS).sort()).toEqual(tables);
  });

  it('keeps SQL in repository.ts files and db/ folders', () => {
    const elsewhere = files(BACKEND).filter((file) => !isSqlHome(file) && sqlIn(file).length > 0);
    expect(elsewhere.map((file) => path.relative(REPO_ROOT, file))).toEqual([]);
  });

  it('lets each domain run SQL on its own tables only', () => {
    const trespasses = files(path.join(BACKEND, 'domains')).flatMap((file) => trespassesIn(file));
    expect(trespasses).toEqual([]);
  });

  it('reports a domain running SQL on another domain’s table (the check can fail)', () => {
    const sites = path.join(BACKEND, 'domains/sites/repository.ts');
    const sample = `export const named = (db: Db) => db.prepare('SELECT s.id FROM site s JOIN enterprise e ON e.id = s.enterprise_id').all();\n`;
    expect(trespassesIn(sites, sample)).toEqual(['electron/backend/domains/sites/repository.ts: enterprise']);
  });

  it('finds the SQL it checks (the scan works)', () => {
    const enterprises = sqlIn(path.join(BACKEND, 'domains/enterprises/repository.ts')).flatMap(tablesNamed);
    expect(enterprises).toEqual(expect.arrayContaining(['enterprise', 'change_counter']));
    expect(sqlIn(path.join(BACKEND, 'domains/sync/db/outbox.ts')).flatMap(tablesNamed)).toContain('outbox');
  });
});
