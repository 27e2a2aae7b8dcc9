// No import cycles between the repository's own modules, `import type` included: import-x/no-cycle
// skips type-only imports, but a type cycle still ties two modules together (neither can move
// or be understood without the other). Only relative specifiers are followed (libraries cannot
// import us back); other files' imports are read with TypeScript's pre-processor, which is lexical
// and fast, and cached for the whole lint run.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const EXTENSIONS = ['.ts', '.tsx', '.js', '.mjs', '.cjs'];
const isFileCache = new Map();
const importsCache = new Map();

function isFile(file) {
  let known = isFileCache.get(file);
  if (known === undefined) {
    known = statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
    isFileCache.set(file, known);
  }
  return known;
}

/** The repository file `specifier` names from `fromFile`, or undefined for a library. */
function resolveLocal(fromFile, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(fromFile), specifier);
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => path.join(base, `index${e}`))];
  if (base.endsWith('.js')) candidates.push(base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'));
  return candidates.find(isFile);
}

/** Repository files `file` imports: import, import type, export … from, require, import(). */
function importsOf(file) {
  let imports = importsCache.get(file);
  if (!imports) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    imports = [...new Set(importedFiles.map((f) => resolveLocal(file, f.fileName)).filter(Boolean))];
    importsCache.set(file, imports);
  }
  return imports;
}

/** The shortest chain of imports from `start` back to `goal`, or undefined. */
function routeBack(start, goal) {
  const cameFrom = new Map([[start, null]]);
  const queue = [start];
  while (queue.length) {
    const file = queue.shift();
    for (const next of importsOf(file)) {
      if (next === goal) {
        const route = [file];
        for (let f = cameFrom.get(file); f; f = cameFrom.get(f)) route.unshift(f);
        return route;
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, file);
        queue.push(next);
      }
    }
  }
  return undefined;
}

export const noImportCycles = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid an import (type-only ones included) that a chain of imports leads back from.' },
    schema: [],
    messages: { cycle: 'Dependency cycle via {{route}}' },
  },
  create(context) {
    const file = context.physicalFilename;
    const root = context.cwd;
    const check = (node, source) => {
      if (source?.type !== 'Literal' || typeof source.value !== 'string') return;
      const target = resolveLocal(file, source.value);
      const route = target && target !== file ? routeBack(target, file) : undefined;
      if (route)
        context.report({ node, messageId: 'cycle', data: { route: [...route, file].map((f) => path.relative(root, f)).join(' → ') } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      TSImportEqualsDeclaration: (node) =>
        node.moduleReference.type === 'TSExternalModuleReference' && check(node, node.moduleReference.expression),
      'CallExpression[callee.name="require"]': (node) => check(node, node.arguments[0]),
    };
  },
};
