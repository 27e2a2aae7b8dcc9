// Before/after numbers for issue 7: files over 300 lines, `as` casts in production code, import cycles.
import ts from 'typescript';
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
const runtimeOnly = process.argv.includes('--runtime');
const files = execSync("git ls-files 'electron/*.ts' 'shared/*.ts' 'renderer/*.ts' 'renderer/*.tsx' 'platform/src/*.ts'", {
  encoding: 'utf8',
})
  .trim()
  .split('\n')
  .filter((f) => !f.endsWith('.d.ts'));
let casts = 0;
const long = [];
const graph = new Map();
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n').length;
  if (lines > 300) long.push(`${lines} ${file}`);
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const deps = [];
  const visit = (n) => {
    if (ts.isAsExpression(n) && !(ts.isTypeReferenceNode(n.type) && n.type.typeName.getText() === 'const')) casts++;
    if (ts.isTypeAssertionExpression?.(n)) casts++;
    const typeOnly = n.importClause?.isTypeOnly || n.isTypeOnly;
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && !(runtimeOnly && typeOnly))
      deps.push(n.moduleSpecifier.text);
    if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(n.arguments[0]))
      deps.push(n.arguments[0].text);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  graph.set(
    file,
    deps
      .filter((d) => d.startsWith('.'))
      .map((d) => {
        const base = path.normalize(path.join(path.dirname(file), d));
        for (const c of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) if (files.includes(c)) return c;
        return null;
      })
      .filter(Boolean),
  );
}
// Tarjan SCCs
let index = 0;
const idx = new Map(),
  low = new Map(),
  stack = [],
  on = new Set();
const sccs = [];
const strong = (v) => {
  idx.set(v, index);
  low.set(v, index++);
  stack.push(v);
  on.add(v);
  for (const w of graph.get(v) ?? []) {
    if (!idx.has(w)) {
      strong(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
  }
  if (low.get(v) === idx.get(v)) {
    const c = [];
    let w;
    do {
      w = stack.pop();
      on.delete(w);
      c.push(w);
    } while (w !== v);
    if (c.length > 1) sccs.push(c);
  }
};
for (const f of graph.keys()) if (!idx.has(f)) strong(f);
console.log(`files: ${files.length}; over 300 lines: ${long.length}`);
long.forEach((l) => console.log('  ' + l));
console.log(`as casts (not 'as const'): ${casts}`);
console.log(
  `import cycles (strongly connected groups${runtimeOnly ? ', runtime imports only' : ', type imports included'}): ${sccs.length}`,
);
sccs.forEach((c) => console.log('  ' + c.join(' → ')));
